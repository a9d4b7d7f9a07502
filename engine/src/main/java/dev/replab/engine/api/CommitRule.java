package dev.replab.engine.api;

import java.util.List;

/**
 * The leader's commit decision: has a write at some offset collected the acknowledgements that the
 * quorum policy asks for? The engine ships {@link StandardCommitRule}; an exercise asks the learner
 * to write one.
 */
public interface CommitRule {
  /**
   * Decides whether the entry at {@code offset} is committed.
   *
   * @param offset the log offset of the write
   * @param policy the leader's current setting
   * @param followers every follower in the cluster, in node order, with what the leader knows
   */
  boolean isCommitted(long offset, QuorumPolicy policy, List<FollowerProgress> followers);
}
