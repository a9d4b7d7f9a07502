package dev.replab.exercises.ex03;

import dev.replab.engine.api.LagMonitor;

/**
 * Exercise 3: how far behind the leader a follower is, in entries and in time.
 *
 * <p>The task is in {@code exercises/ex03-lag-monitor/README.adoc}. Replace the body of
 * {@link #measure}; you may add fields, methods and classes in this package. Grade your work
 * with {@code ./replab grade ex03}.
 */
public final class ReplicationLagMonitor implements LagMonitor {

  @Override
  public Reading measure(Inputs in) {
    // Return new Reading(entries, lagUs, replayLagUs).
    throw new UnsupportedOperationException("Exercise 3: ReplicationLagMonitor.measure is not written yet");
  }
}
