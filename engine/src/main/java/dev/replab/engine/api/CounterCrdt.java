package dev.replab.engine.api;

import java.util.List;

/**
 * A counter that every datacenter updates on its own and that merges without losing an update: a
 * PN-counter, two grow-only counters (G-counters), one of increments and one of decrements. Each
 * keeps, per datacenter, the total that datacenter has added; lists are sorted by datacenter name
 * and hold no zero counts. States are values: an operation returns a new one.
 */
public interface CounterCrdt {
  /** One datacenter's total. */
  record Count(String dc, long count) {}

  /** A counter's state: what each datacenter has added, and what each has taken away. */
  record State(List<Count> increments, List<Count> decrements) {
    /** The state of a counter nobody has touched. */
    public static State empty() {
      return new State(List.of(), List.of());
    }
  }

  /** {@code state} after datacenter {@code dc} adds {@code amount} (above zero). */
  State increment(State state, String dc, long amount);

  /** {@code state} after datacenter {@code dc} takes away {@code amount} (above zero). */
  State decrement(State state, String dc, long amount);

  /** A state that holds every update either state holds, each once. */
  State merge(State a, State b);

  /** The counter's value: everything added less everything taken away. */
  long value(State state);
}
