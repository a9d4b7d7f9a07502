package dev.replab.engine.load;

import dev.replab.engine.sim.Rng;
import java.util.Arrays;

/** Picks keys k1..kN, all equally likely or Zipf-distributed (key i with weight 1/i). */
final class KeyChooser {
  private final String[] names;
  private final double[] cumulative;

  KeyChooser(int keys, boolean zipf) {
    names = new String[keys];
    cumulative = new double[keys];
    double total = 0;
    for (int i = 0; i < keys; i++) {
      names[i] = "k" + (i + 1);
      total += zipf ? 1.0 / (i + 1) : 1.0;
      cumulative[i] = total;
    }
    for (int i = 0; i < keys; i++) {
      cumulative[i] /= total;
    }
  }

  String next(Rng rng) {
    int index = Arrays.binarySearch(cumulative, rng.nextDouble());
    return names[Math.min(names.length - 1, index >= 0 ? index : -index - 1)];
  }
}
