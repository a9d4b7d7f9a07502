package dev.replab.engine.api;

/**
 * Measures how far a follower is behind, the two ways operators meet: in log entries, and in time.
 * Of the time measures, "replay lag" is PostgreSQL's {@code now() -
 * pg_last_xact_replay_timestamp()}: it keeps growing on an idle leader even though nothing is
 * missing. "Lag" is the honest one: how long the follower has been missing the oldest write it does
 * not have (zero when it has everything).
 */
public interface LagMonitor {
  /** Measures one follower at one moment. */
  Reading measure(Inputs inputs);

  /**
   * What a monitor can see.
   *
   * @param nowUs the time now
   * @param leaderOffset the last offset in the leader's log
   * @param appliedOffset the last offset the follower applied
   * @param appliedWrittenUs when the leader wrote the follower's last applied entry (-1 if none)
   * @param firstMissingWrittenUs when the leader wrote the oldest entry the follower has not
   *     applied (-1 when it has applied everything)
   */
  record Inputs(
      long nowUs,
      long leaderOffset,
      long appliedOffset,
      long appliedWrittenUs,
      long firstMissingWrittenUs) {}

  /**
   * A measurement.
   *
   * @param entries how many entries behind
   * @param lagUs how long it has been missing data (0 when caught up)
   * @param replayLagUs now minus when its last applied entry was written
   */
  record Reading(long entries, long lagUs, long replayLagUs) {}
}
