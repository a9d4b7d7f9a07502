package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;

/**
 * Exercise 7: decide from heartbeats whether the leader has failed.
 *
 * <p>The task is in {@code exercises/ex07-failure-detector/README.adoc}. Fill in the constructor
 * and replace the bodies of {@link #heartbeat} and {@link #suspects}; you may add fields, methods
 * and classes in this package, but keep the constructor's parameters. Grade your work with
 * {@code ./replab grade ex07}.
 */
public final class HeartbeatDetector implements FailureDetector {

  /**
   * @param detectUs how long the leader may stay silent before it is suspected
   * @param startUs when watching began
   */
  public HeartbeatDetector(long detectUs, long startUs) {}

  @Override
  public void heartbeat(long atUs) {
    throw new UnsupportedOperationException("Exercise 7: HeartbeatDetector.heartbeat is not written yet");
  }

  @Override
  public boolean suspects(long nowUs) {
    throw new UnsupportedOperationException("Exercise 7: HeartbeatDetector.suspects is not written yet");
  }
}
