package dev.replab.repl.bench;

import java.util.Arrays;

/** The median, minimum and maximum of a handful of measurements. */
record Stats(double median, double min, double max) {
  static Stats of(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples to summarise");
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return new Stats(median, sorted[0], sorted[sorted.length - 1]);
  }
}
