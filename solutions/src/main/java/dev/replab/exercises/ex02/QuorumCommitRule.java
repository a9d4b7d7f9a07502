package dev.replab.exercises.ex02;

import dev.replab.engine.api.CommitRule;
import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.QuorumPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference solution of Exercise 2: the commit rules of PostgreSQL's synchronous replication
 * ({@code FIRST k (...)}, {@code ANY k (...)}) and of fully synchronous and asynchronous setups.
 */
public final class QuorumCommitRule implements CommitRule {

  @Override
  public boolean isCommitted(long offset, QuorumPolicy policy, List<FollowerProgress> followers) {
    List<FollowerProgress> eligible = eligible(policy, followers);
    return switch (policy.kind()) {
      case ASYNC -> true;
      case ALL -> countAcked(eligible, offset, policy) == eligible.size();
      case ANY -> countAcked(eligible, offset, policy) >= policy.k();
      case FIRST -> firstConnectedAcked(eligible, offset, policy);
    };
  }

  /**
   * A FIRST policy waits for the {@code k} highest-priority followers that are connected now. A
   * disconnected one is skipped, so the next in the list takes its place; with fewer than
   * {@code k} connected the write waits.
   */
  private static boolean firstConnectedAcked(List<FollowerProgress> eligible, long offset, QuorumPolicy policy) {
    int synchronous = 0;
    for (FollowerProgress follower : eligible) {
      if (synchronous == policy.k()) {
        break;
      }
      if (!follower.connected()) {
        continue;
      }
      if (follower.acked(policy.ack()) < offset) {
        return false;
      }
      synchronous++;
    }
    return synchronous == policy.k();
  }

  private static long countAcked(List<FollowerProgress> eligible, long offset, QuorumPolicy policy) {
    return eligible.stream().filter(f -> f.acked(policy.ack()) >= offset).count();
  }

  /** The followers named by the policy in its priority order, or all of them when it names none. */
  private static List<FollowerProgress> eligible(QuorumPolicy policy, List<FollowerProgress> followers) {
    if (policy.standbys().isEmpty()) {
      return followers;
    }
    List<FollowerProgress> named = new ArrayList<>();
    for (String id : policy.standbys()) {
      for (FollowerProgress follower : followers) {
        if (follower.id().equals(id)) {
          named.add(follower);
        }
      }
    }
    return named;
  }
}
