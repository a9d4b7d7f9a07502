package dev.replab.engine.leaderless;

import dev.replab.engine.net.Latency;
import dev.replab.engine.net.LatencyParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The production latency profiles of the PBS paper (Bailis et al., VLDB 2012), as the weighted
 * Pareto-and-exponential mixtures the paper fitted to them: LinkedIn on SSDs and on disks, Yammer,
 * and a wide-area setup where all but one replica are 75 ms further away. These are our
 * transcription of the fitted parameters, to reproduce the shape of the paper's curves, not the
 * original traces.
 */
final class Profiles {
  static final List<String> NAMES = List.of("lnkd-ssd", "lnkd-disk", "ymmr", "wan");

  private static final String LNKD_SSD = "mix(0.9122:pareto(235us,10),0.0878:exp(602us))";
  private static final String LNKD_DISK_WRITE = "mix(0.38:pareto(1050us,1.51),0.62:exp(5460us))";
  private static final String YMMR_WRITE = "mix(0.939:pareto(3ms,3.35),0.061:exp(357ms))";
  private static final String YMMR_OTHER = "mix(0.982:pareto(1500us,3.8),0.018:exp(46ms))";

  private Profiles() {}

  /** The legs to each of {@code n} replicas under a named profile, or null for another name. */
  static List<Staleness.Legs> named(String name, int n) {
    Staleness.Legs ssd = Staleness.Legs.all(parse(LNKD_SSD));
    Staleness.Legs disk =
        new Staleness.Legs(parse(LNKD_DISK_WRITE), ssd.ack(), ssd.read(), ssd.response());
    Staleness.Legs ymmr =
        new Staleness.Legs(
            parse(YMMR_WRITE), parse(YMMR_OTHER), parse(YMMR_OTHER), parse(YMMR_OTHER));
    List<Staleness.Legs> legs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      legs.add(
          switch (name) {
            case "lnkd-ssd" -> ssd;
            case "lnkd-disk" -> disk;
            case "ymmr" -> ymmr;
            case "wan" -> i == 0 ? disk : disk.shifted(75_000);
            default -> null;
          });
    }
    return legs.contains(null) ? null : legs;
  }

  private static Latency parse(String text) {
    return LatencyParser.parse(text);
  }
}
