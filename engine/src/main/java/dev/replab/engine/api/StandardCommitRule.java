package dev.replab.engine.api;

import java.util.ArrayList;
import java.util.List;

/** The engine's commit rule, modelled on PostgreSQL's FIRST and ANY and on MySQL semi-sync. */
public final class StandardCommitRule implements CommitRule {
  @Override
  public boolean isCommitted(long offset, QuorumPolicy policy, List<FollowerProgress> followers) {
    List<FollowerProgress> eligible = eligible(policy, followers);
    return switch (policy.kind()) {
      case ASYNC -> true;
      case ALL -> eligible.stream().allMatch(f -> f.acked(policy.ack()) >= offset);
      case ANY ->
          eligible.stream().filter(f -> f.acked(policy.ack()) >= offset).count() >= policy.k();
      case FIRST -> {
        List<FollowerProgress> synchronous = synchronousStandbys(policy, followers);
        yield synchronous.size() >= policy.k()
            && synchronous.stream().allMatch(f -> f.acked(policy.ack()) >= offset);
      }
    };
  }

  /**
   * The followers whose acknowledgements a FIRST policy waits for now: the first {@code k}
   * connected ones in priority order.
   */
  public static List<FollowerProgress> synchronousStandbys(
      QuorumPolicy policy, List<FollowerProgress> followers) {
    List<FollowerProgress> chosen = new ArrayList<>();
    for (FollowerProgress candidate : eligible(policy, followers)) {
      if (chosen.size() < policy.k() && candidate.connected()) {
        chosen.add(candidate);
      }
    }
    return chosen;
  }

  /** The followers whose acknowledgements may count, in the policy's priority order. */
  public static List<FollowerProgress> eligible(
      QuorumPolicy policy, List<FollowerProgress> followers) {
    if (policy.standbys().isEmpty()) {
      return followers;
    }
    List<FollowerProgress> ordered = new ArrayList<>();
    for (String id : policy.standbys()) {
      followers.stream().filter(f -> f.id().equals(id)).findFirst().ifPresent(ordered::add);
    }
    return ordered;
  }
}
