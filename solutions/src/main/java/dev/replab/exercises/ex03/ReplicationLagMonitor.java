package dev.replab.exercises.ex03;

import dev.replab.engine.api.LagMonitor;

/**
 * Reference solution of Exercise 3: a follower's lag in entries, in time, and as replay age.
 *
 * <p>The honest time measure starts the clock at the oldest write the follower is missing, so it
 * is zero whenever the follower has everything, however long the leader has been idle. Replay
 * age starts it at the newest write the follower has, so it keeps growing while nothing is
 * written: useful only while writes flow.
 */
public final class ReplicationLagMonitor implements LagMonitor {

  @Override
  public Reading measure(Inputs in) {
    // A follower can be ahead of a new leader for a moment (entries the leader never had): that
    // is not lag, and a negative count would make every alert rule misfire.
    long entries = Math.max(0, in.leaderOffset() - in.appliedOffset());
    long lagUs = entries == 0 || in.firstMissingWrittenUs() < 0 ? 0 : Math.max(0, in.nowUs() - in.firstMissingWrittenUs());
    // A follower that has applied nothing has no last replayed write to date: report 0, as
    // PostgreSQL's pg_last_xact_replay_timestamp() reports nothing at all.
    long replayLagUs = in.appliedWrittenUs() < 0 ? 0 : Math.max(0, in.nowUs() - in.appliedWrittenUs());
    return new Reading(entries, lagUs, replayLagUs);
  }
}
