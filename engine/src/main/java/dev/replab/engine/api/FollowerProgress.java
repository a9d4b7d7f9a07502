package dev.replab.engine.api;

/**
 * What a leader knows about one follower's copy of the log.
 *
 * @param id the follower's name
 * @param receivedOffset the highest offset the follower has durably received
 * @param appliedOffset the highest offset the follower has applied and shows to readers
 * @param connected whether the leader has heard from the follower recently
 */
public record FollowerProgress(
    String id, long receivedOffset, long appliedOffset, boolean connected) {
  /** The offset that counts as acknowledged at the given level. */
  public long acked(QuorumPolicy.AckLevel level) {
    return level == QuorumPolicy.AckLevel.APPLIED ? appliedOffset : receivedOffset;
  }
}
