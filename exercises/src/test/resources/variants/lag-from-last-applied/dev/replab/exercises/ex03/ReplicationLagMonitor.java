package dev.replab.exercises.ex03;

import dev.replab.engine.api.LagMonitor;

/** Zero when caught up, but once behind it counts from the last write the follower has, not the first it lacks. */
public final class ReplicationLagMonitor implements LagMonitor {
  @Override
  public Reading measure(Inputs in) {
    long entries = Math.max(0, in.leaderOffset() - in.appliedOffset());
    long replay = in.appliedWrittenUs() < 0 ? 0 : in.nowUs() - in.appliedWrittenUs();
    long since = in.appliedWrittenUs() < 0 ? in.firstMissingWrittenUs() : in.appliedWrittenUs();
    long lag = entries == 0 ? 0 : in.nowUs() - since;
    return new Reading(entries, lag, replay);
  }
}
