package dev.replab.engine.net;

import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Rng;
import java.util.List;
import java.util.Locale;

/** A distribution of one-way message delays, in microseconds. */
public sealed interface Latency
    permits Latency.Constant,
        Latency.Uniform,
        Latency.Exponential,
        Latency.Pareto,
        Latency.LogNormal,
        Latency.Mixture,
        Latency.Shifted {

  /** Draws one delay. */
  long sampleUs(Rng rng);

  /** The mean delay, used to describe a link. */
  double meanUs();

  /** The distribution in the syntax that {@link LatencyParser} reads back. */
  String describe();

  /** Always the same delay. */
  record Constant(long us) implements Latency {
    public long sampleUs(Rng rng) {
      return us;
    }

    public double meanUs() {
      return us;
    }

    public String describe() {
      return "const(" + Durations.format(us) + ")";
    }
  }

  /** Any delay between a low and a high bound, all equally likely. */
  record Uniform(long lowUs, long highUs) implements Latency {
    public long sampleUs(Rng rng) {
      return lowUs + rng.nextLong(highUs - lowUs + 1);
    }

    public double meanUs() {
      return (lowUs + highUs) / 2.0;
    }

    public String describe() {
      return "uniform(" + Durations.format(lowUs) + "," + Durations.format(highUs) + ")";
    }
  }

  /** Memoryless delays with the given mean: mostly short, occasionally long. */
  record Exponential(long meanDelayUs) implements Latency {
    public long sampleUs(Rng rng) {
      return Math.round(-Math.log(1.0 - rng.nextDouble()) * meanDelayUs);
    }

    public double meanUs() {
      return meanDelayUs;
    }

    public String describe() {
      return "exp(" + Durations.format(meanDelayUs) + ")";
    }
  }

  /** A heavy tail: never below {@code scaleUs}, and rare delays far above it. */
  record Pareto(long scaleUs, double shape) implements Latency {
    public long sampleUs(Rng rng) {
      double u = 1.0 - rng.nextDouble();
      return Math.round(scaleUs / Math.pow(u, 1.0 / shape));
    }

    public double meanUs() {
      return shape <= 1 ? Double.POSITIVE_INFINITY : shape * scaleUs / (shape - 1);
    }

    public String describe() {
      return "pareto(" + Durations.format(scaleUs) + "," + fmt(shape) + ")";
    }
  }

  /** Delays whose logarithm is normal: a median and a spread, as measured networks often show. */
  record LogNormal(long medianUs, double sigma) implements Latency {
    public long sampleUs(Rng rng) {
      return Math.round(medianUs * Math.exp(sigma * rng.nextGaussian()));
    }

    public double meanUs() {
      return medianUs * Math.exp(sigma * sigma / 2);
    }

    public String describe() {
      return "lognormal(" + Durations.format(medianUs) + "," + fmt(sigma) + ")";
    }
  }

  /** One of several distributions, picked by weight for each message. */
  record Mixture(List<Double> weights, List<Latency> parts) implements Latency {
    public Mixture {
      weights = List.copyOf(weights);
      parts = List.copyOf(parts);
    }

    public long sampleUs(Rng rng) {
      double total = weights.stream().mapToDouble(Double::doubleValue).sum();
      double pick = rng.nextDouble() * total;
      for (int i = 0; i < parts.size(); i++) {
        pick -= weights.get(i);
        if (pick < 0) {
          return parts.get(i).sampleUs(rng);
        }
      }
      return parts.get(parts.size() - 1).sampleUs(rng);
    }

    public double meanUs() {
      double total = weights.stream().mapToDouble(Double::doubleValue).sum();
      double mean = 0;
      for (int i = 0; i < parts.size(); i++) {
        mean += weights.get(i) / total * parts.get(i).meanUs();
      }
      return mean;
    }

    public String describe() {
      StringBuilder text = new StringBuilder("mix(");
      for (int i = 0; i < parts.size(); i++) {
        text.append(i == 0 ? "" : ",")
            .append(fmt(weights.get(i)))
            .append(':')
            .append(parts.get(i).describe());
      }
      return text.append(')').toString();
    }
  }

  /** Another distribution's delays plus a fixed amount, such as a WAN hop on top of a disk. */
  record Shifted(long byUs, Latency base) implements Latency {
    public long sampleUs(Rng rng) {
      return byUs + base.sampleUs(rng);
    }

    public double meanUs() {
      return byUs + base.meanUs();
    }

    public String describe() {
      return "shift(" + Durations.format(byUs) + "," + base.describe() + ")";
    }
  }

  private static String fmt(double value) {
    String text = String.format(Locale.ROOT, "%.3f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
