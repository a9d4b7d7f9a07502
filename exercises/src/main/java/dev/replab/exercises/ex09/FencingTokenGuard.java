package dev.replab.exercises.ex09;

import dev.replab.engine.api.FencingGuard;

/**
 * Exercise 9: storage's guard that refuses writes from a leader that has been replaced.
 *
 * <p>The task is in {@code exercises/ex09-fencing-guard/README.adoc}. Replace the bodies of both
 * methods; you may add fields, methods and classes in this package. Grade your work with
 * {@code ./replab grade ex09}.
 */
public final class FencingTokenGuard implements FencingGuard {

  @Override
  public boolean admit(int epoch) {
    throw new UnsupportedOperationException("Exercise 9: FencingTokenGuard.admit is not written yet");
  }

  @Override
  public int newestEpoch() {
    throw new UnsupportedOperationException("Exercise 9: FencingTokenGuard.newestEpoch is not written yet");
  }
}
