package dev.replab.engine.leaderless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.net.Latency;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measured staleness curve against the WARS model and the paper's closed form. */
class StalenessTests {
  private static final long SEED = 3;

  private static List<Staleness.Legs> exp(int n, long meanUs) {
    return Collections.nCopies(n, Staleness.Legs.all(new Latency.Exponential(meanUs)));
  }

  @Test
  void theProtocolAgreesWithTheWarsModelWithinSamplingError() {
    Staleness staleness = new Staleness(3, 1, 1, exp(3, 1_000), SEED);
    long[] ts = {0, 1_000, 3_000};
    List<Staleness.Point> points = staleness.measure(ts, 9_000);
    for (Staleness.Point point : points) {
      double p = point.p();
      // Two independent estimates of one probability from 3 000 trials each: four standard
      // errors of their difference.
      double sigma = Math.sqrt(2 * p * (1 - p) / point.trials());
      assertTrue(
          Math.abs(p - point.model()) <= 4 * sigma + 1e-9,
          "seed "
              + SEED
              + ": at t="
              + point.tUs()
              + "us measured "
              + p
              + ", model "
              + point.model());
    }
    assertTrue(points.get(0).p() < 0.9, "with r = w = 1 of 3 a read at once is often stale");
    assertTrue(points.get(2).p() > points.get(0).p(), "staleness fades as t grows");
  }

  @Test
  void overlappingQuorumsAreAlwaysFresh() {
    Staleness staleness = new Staleness(3, 2, 2, exp(3, 1_000), SEED);
    List<Staleness.Point> points = staleness.measure(new long[] {0}, 2_000);
    assertEquals(1.0, points.get(0).p(), "seed " + SEED + ": w + r > n");
    assertEquals(1.0, points.get(0).model());
  }

  @Test
  void theClosedFormMatchesTheBinomialsByHand() {
    assertEquals(1.0 / 3, Staleness.closedFormKStaleness(3, 1, 1, 1), 1e-12);
    assertEquals(5.0 / 9, Staleness.closedFormKStaleness(3, 1, 1, 2), 1e-12);
    // n=5, w=2, r=2: C(3,2)/C(5,2) = 3/10 miss, so 0.7 for one version and 0.91 for two.
    assertEquals(0.7, Staleness.closedFormKStaleness(5, 2, 2, 1), 1e-12);
    assertEquals(0.91, Staleness.closedFormKStaleness(5, 2, 2, 2), 1e-12);
    assertEquals(1.0, Staleness.closedFormKStaleness(3, 2, 2, 1), 1e-12);
  }

  @Test
  void theCommandPrintsTheCurveAndWhenReadsAreFresh() {
    Lab lab = new Lab(SEED);
    LeaderlessResults.Curve curve =
        lab.result(
            "staleness n=3 w=1 r=1 latency=exp(1ms) t=0ms,2ms,10ms,30ms trials=2000 k=2",
            LeaderlessResults.Curve.class);
    assertEquals(4, curve.points().size());
    assertTrue(curve.t999Ms() != null && curve.t999Ms() <= 30, curve.text());
    assertEquals(5.0 / 9, curve.kClosedForm(), 1e-9);
    assertTrue(curve.text().contains("99.9% of reads are fresh"), curve.text());
    Lab profile = new Lab(SEED);
    LeaderlessResults.Curve ssd =
        profile.result(
            "staleness latency=lnkd-ssd trials=900 t=0ms,1ms", LeaderlessResults.Curve.class);
    assertTrue(ssd.legs().contains("pareto"), ssd.legs());
  }
}
