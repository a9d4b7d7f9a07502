package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;

/**
 * Exercise 1: how a follower takes in the leader's replication stream.
 *
 * <p>The task is in {@code exercises/ex01-stream-applier/README.adoc}. Replace the body of
 * {@link #decide}; you may add fields, methods and classes in this package. Grade your work
 * with {@code ./replab grade ex01}.
 */
public final class FollowerStream implements StreamApplier {

  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    // Return new StreamDecision.Append(from), new StreamDecision.Ignore() or
    // new StreamDecision.Resend(from).
    throw new UnsupportedOperationException("Exercise 1: FollowerStream.decide is not written yet");
  }
}
