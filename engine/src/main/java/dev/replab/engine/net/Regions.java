package dev.replab.engine.net;

import java.util.Map;

/**
 * Typical one-way delays between named regions. Inside a region a message takes well under a
 * millisecond to a few milliseconds; between regions it takes tens of milliseconds.
 */
public final class Regions {
  /** The region every node and client lives in when a cluster names none. */
  public static final String DEFAULT = "dc1";

  private static final Latency INSIDE = new Latency.Uniform(200, 1_500);
  private static final long DEFAULT_WAN_US = 50_000;
  private static final Map<String, Long> ONE_WAY_US =
      Map.of(
          "eu|us", 40_000L,
          "ap|us", 60_000L,
          "ap|eu", 90_000L,
          "eu|sa", 95_000L,
          "sa|us", 70_000L,
          "af|eu", 45_000L);

  private Regions() {}

  /** The delay distribution between two regions, or {@code wanUs} (if positive) across any two. */
  public static Latency between(String a, String b, long wanUs) {
    if (a.equals(b)) {
      return INSIDE;
    }
    long base = wanUs > 0 ? wanUs : ONE_WAY_US.getOrDefault(key(a, b), DEFAULT_WAN_US);
    return new Latency.Uniform(base, base + base / 10);
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}
