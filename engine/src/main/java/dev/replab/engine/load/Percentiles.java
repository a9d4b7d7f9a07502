package dev.replab.engine.load;

import java.util.Arrays;

/** Latency percentiles in milliseconds, from a set of samples in microseconds. */
public record Percentiles(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
  static Percentiles of(long[] samplesUs, int count) {
    if (count == 0) {
      return new Percentiles(0, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(samplesUs, count);
    Arrays.sort(sorted);
    return new Percentiles(
        count, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[count - 1] / 1_000.0);
  }

  private static double at(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000.0;
  }
}
