package dev.replab.exercises.ex03;

import dev.replab.engine.api.LagMonitor;

/** Right but for one case: a follower that has applied nothing gets a replay age measured from -1. */
public final class ReplicationLagMonitor implements LagMonitor {
  @Override
  public Reading measure(Inputs in) {
    long entries = Math.max(0, in.leaderOffset() - in.appliedOffset());
    long lag = entries == 0 ? 0 : in.nowUs() - in.firstMissingWrittenUs();
    return new Reading(entries, lag, in.nowUs() - in.appliedWrittenUs());
  }
}
