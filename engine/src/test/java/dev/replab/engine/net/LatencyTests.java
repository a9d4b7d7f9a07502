package dev.replab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.sim.Rng;
import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each distribution is sampled 20,000 or more times from a fixed seed. The tolerances are a few
 * standard errors of the mean wide, so a wrong formula fails while the right one passes for any
 * seed with overwhelming probability.
 */
class LatencyTests {
  private static final int SAMPLES = 20_000;

  private static Rng rng() {
    return new Simulation(2024).rng("latency-test");
  }

  private static Stats sample(Latency latency, int count) {
    Rng rng = rng();
    Stats stats = new Stats();
    for (int i = 0; i < count; i++) {
      stats.add(latency.sampleUs(rng));
    }
    return stats;
  }

  @Test
  void constantAlwaysGivesItsDelay() {
    Stats stats = sample(new Latency.Constant(80_000), SAMPLES);
    assertEquals(80_000, stats.min);
    assertEquals(80_000, stats.max);
    assertEquals(80_000.0, new Latency.Constant(80_000).meanUs());
  }

  @Test
  void uniformStaysInsideItsBoundsAndReachesBothEnds() {
    Latency.Uniform uniform = new Latency.Uniform(1_000, 5_000);
    Stats stats = sample(uniform, SAMPLES);
    assertTrue(stats.min >= 1_000, "min " + stats.min);
    assertTrue(stats.max <= 5_000, "max " + stats.max);
    assertTrue(
        stats.min < 1_010 && stats.max > 4_990,
        "both ends are reached: " + stats.min + ".." + stats.max);
    // Standard deviation 1155us, so the standard error of the mean is about 8us.
    assertEquals(3_000, stats.mean(), 40);
    assertEquals(3_000, uniform.meanUs(), 1e-9);
  }

  @Test
  void exponentialHasItsMeanAndItsSpread() {
    Latency.Exponential exp = new Latency.Exponential(2_000);
    Stats stats = sample(exp, SAMPLES);
    // Standard error about 14us.
    assertEquals(2_000, stats.mean(), 70);
    // For an exponential the standard deviation equals the mean.
    assertEquals(2_000, stats.stdDev(), 100);
    assertTrue(stats.min >= 0);
  }

  @Test
  void paretoNeverGoesBelowItsScaleAndHasTheHeavyTailMean() {
    Latency.Pareto pareto = new Latency.Pareto(1_000, 3.0);
    Stats stats = sample(pareto, SAMPLES);
    assertTrue(stats.min >= 1_000, "min " + stats.min);
    // Mean shape*scale/(shape-1) = 1500us; standard deviation 866us, standard error about 6us.
    assertEquals(1_500, pareto.meanUs(), 1e-9);
    assertEquals(1_500, stats.mean(), 40);
    assertTrue(stats.max > 10_000, "a heavy tail shows rare long delays: max " + stats.max);
  }

  @Test
  void paretoWithShapeAtMostOneHasNoFiniteMean() {
    assertEquals(Double.POSITIVE_INFINITY, new Latency.Pareto(1_000, 1.0).meanUs());
  }

  @Test
  void logNormalHasItsMedianAndMean() {
    Latency.LogNormal logNormal = new Latency.LogNormal(5_000, 0.5);
    Stats stats = sample(logNormal, SAMPLES);
    double expectedMean = 5_000 * Math.exp(0.125);
    assertEquals(expectedMean, logNormal.meanUs(), 1e-6);
    // Standard deviation about 3020us, standard error about 21us.
    assertEquals(expectedMean, stats.mean(), 90);
    assertEquals(5_000, stats.median(), 100);
  }

  @Test
  void mixturePicksPartsByWeight() {
    Latency.Mixture mix =
        new Latency.Mixture(
            List.of(0.9, 0.1),
            List.of(new Latency.Constant(1_000), new Latency.Exponential(50_000)));
    int count = 50_000;
    Rng rng = rng();
    Stats stats = new Stats();
    int exactlyOneMs = 0;
    for (int i = 0; i < count; i++) {
      long us = mix.sampleUs(rng);
      stats.add(us);
      if (us == 1_000) {
        exactlyOneMs++;
      }
    }
    // 90% of draws come from the constant part; the binomial standard error is 0.13%.
    assertEquals(0.9, exactlyOneMs / (double) count, 0.008);
    // Mean 0.9*1000 + 0.1*50000 = 5900us; standard error about 97us.
    assertEquals(5_900, mix.meanUs(), 1e-9);
    assertEquals(5_900, stats.mean(), 400);
  }

  @Test
  void mixtureWeightsNeedNotSumToOne() {
    Latency.Mixture mix =
        new Latency.Mixture(
            List.of(3.0, 1.0), List.of(new Latency.Constant(1_000), new Latency.Constant(9_000)));
    assertEquals(3_000, mix.meanUs(), 1e-9);
    assertEquals(3_000, sample(mix, SAMPLES).mean(), 100);
  }

  @Test
  void describeReadsBackAsTheSameDistribution() {
    List<Latency> all =
        List.of(
            new Latency.Constant(80_000),
            new Latency.Uniform(1_000, 5_000),
            new Latency.Exponential(2_000),
            new Latency.Pareto(1_000, 2.5),
            new Latency.LogNormal(5_000, 0.5),
            new Latency.Mixture(
                List.of(0.9, 0.1),
                List.of(new Latency.Constant(1_000), new Latency.Exponential(50_000))));
    for (Latency latency : all) {
      assertEquals(latency, LatencyParser.parse(latency.describe()), latency.describe());
    }
  }

  /** Running totals of a sample. */
  private static final class Stats {
    private final List<Long> values = new ArrayList<>();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    double sum;
    double sumSquares;

    void add(long value) {
      values.add(value);
      min = Math.min(min, value);
      max = Math.max(max, value);
      sum += value;
      sumSquares += (double) value * value;
    }

    double mean() {
      return sum / values.size();
    }

    double stdDev() {
      double mean = mean();
      return Math.sqrt(sumSquares / values.size() - mean * mean);
    }

    double median() {
      List<Long> sorted = values.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }
}
