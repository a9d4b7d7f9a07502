package dev.replab.exercises.ex15;

import dev.replab.engine.api.CounterCrdt;

/**
 * Exercise 15: a counter that every datacenter updates at once without losing an update, a
 * PN-counter made of two grow-only counters.
 *
 * <p>The task is in {@code exercises/ex15-crdt-counters/README.adoc}. Replace the bodies of the four
 * methods; you may add fields, methods and classes in this package. Grade your work with {@code
 * ./replab grade ex15}.
 */
public final class PnCounter implements CounterCrdt {

  @Override
  public State increment(State state, String dc, long amount) {
    throw new UnsupportedOperationException("Exercise 15: PnCounter.increment is not written yet");
  }

  @Override
  public State decrement(State state, String dc, long amount) {
    throw new UnsupportedOperationException("Exercise 15: PnCounter.decrement is not written yet");
  }

  @Override
  public State merge(State a, State b) {
    throw new UnsupportedOperationException("Exercise 15: PnCounter.merge is not written yet");
  }

  @Override
  public long value(State state) {
    throw new UnsupportedOperationException("Exercise 15: PnCounter.value is not written yet");
  }
}
