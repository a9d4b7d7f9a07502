package dev.replab.exercises.ex02;

import dev.replab.engine.api.CommitRule;
import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.QuorumPolicy;
import java.util.ArrayList;
import java.util.List;

/** A known bug: ALL waits only for the followers that are connected, so a crashed one is left out. */
public final class QuorumCommitRule implements CommitRule {
  @Override
  public boolean isCommitted(long offset, QuorumPolicy policy, List<FollowerProgress> followers) {
    List<FollowerProgress> eligible = new ArrayList<>();
    if (policy.standbys().isEmpty()) {
      eligible.addAll(followers);
    }
    for (String id : policy.standbys()) {
      followers.stream().filter(f -> f.id().equals(id)).forEach(eligible::add);
    }
    List<FollowerProgress> connected = eligible.stream().filter(FollowerProgress::connected).toList();
    long acks = eligible.stream().filter(f -> acked(f, policy) >= offset).count();
    return switch (policy.kind()) {
      case ASYNC -> true;
      case ALL -> connected.stream().allMatch(f -> acked(f, policy) >= offset);
      case ANY -> acks >= policy.k();
      case FIRST -> connected.size() >= policy.k() && connected.subList(0, policy.k()).stream().allMatch(f -> acked(f, policy) >= offset);
    };
  }

  private static long acked(FollowerProgress follower, QuorumPolicy policy) {
    return follower.acked(policy.ack());
  }
}
