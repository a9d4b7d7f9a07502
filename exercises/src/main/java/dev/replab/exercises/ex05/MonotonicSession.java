package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;

/**
 * Exercise 5: a client session whose reads never go back in time.
 *
 * <p>The task is in {@code exercises/ex05-monotonic-reads/README.adoc}. Replace the bodies of the
 * three methods; you may add fields, methods and classes in this package. Grade your work with
 * {@code ./replab grade ex05}.
 */
public final class MonotonicSession implements SessionGuarantee {

  @Override
  public void wrote(long offset) {
    throw new UnsupportedOperationException("Exercise 5: MonotonicSession.wrote is not written yet");
  }

  @Override
  public void read(long appliedOffset) {
    throw new UnsupportedOperationException("Exercise 5: MonotonicSession.read is not written yet");
  }

  @Override
  public long minimumOffset() {
    throw new UnsupportedOperationException("Exercise 5: MonotonicSession.minimumOffset is not written yet");
  }
}
