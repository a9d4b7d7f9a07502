package dev.replab.engine.multileader;

import dev.replab.engine.api.CounterCrdt;
import dev.replab.engine.api.PlugInError;

/**
 * The counter CRDT a multi-leader cluster's counters and pn-counters use when one is plugged in (an
 * exercise's), called so that a throw or an answer outside the contract stops the command with a
 * {@link PlugInError} naming the call.
 */
final class Counters {
  private final CounterCrdt rule;

  Counters(CounterCrdt rule) {
    this.rule = rule;
  }

  CounterCrdt.State increment(CounterCrdt.State state, String dc, long amount) {
    return checked(
        call(
            () -> rule.increment(state, dc, amount),
            "increment(" + state + ", " + dc + ", " + amount + ")"),
        "increment");
  }

  CounterCrdt.State decrement(CounterCrdt.State state, String dc, long amount) {
    return checked(
        call(
            () -> rule.decrement(state, dc, amount),
            "decrement(" + state + ", " + dc + ", " + amount + ")"),
        "decrement");
  }

  CounterCrdt.State merge(CounterCrdt.State a, CounterCrdt.State b) {
    return checked(call(() -> rule.merge(a, b), "merge(" + a + ", " + b + ")"), "merge");
  }

  long value(CounterCrdt.State state) {
    return call(() -> rule.value(state), "value(" + state + ")");
  }

  private CounterCrdt.State checked(CounterCrdt.State state, String call) {
    if (state == null || state.increments() == null || state.decrements() == null) {
      throw new PlugInError(
          name() + " returned " + state + " from " + call + "; a state needs both lists");
    }
    return state;
  }

  private <T> T call(java.util.function.Supplier<T> body, String what) {
    return PlugCall.guarded(name(), what, body);
  }

  private String name() {
    return "the counter " + rule.getClass().getSimpleName();
  }

  /** The state as inspect shows it: {@code +[eu:3 us:1] -[us:2]}. */
  static String describe(CounterCrdt.State state) {
    return "+" + counts(state.increments()) + " -" + counts(state.decrements());
  }

  private static String counts(java.util.List<CounterCrdt.Count> counts) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (CounterCrdt.Count count : counts) {
      parts.add(count.dc() + ":" + count.count());
    }
    return "[" + String.join(" ", parts) + "]";
  }
}
