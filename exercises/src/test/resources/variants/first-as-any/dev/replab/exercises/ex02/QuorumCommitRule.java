package dev.replab.exercises.ex02;

import dev.replab.engine.api.CommitRule;
import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.QuorumPolicy;
import java.util.ArrayList;
import java.util.List;

/** A known bug: a FIRST policy counts any k acknowledgements, as ANY does. */
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
    long acks = eligible.stream().filter(f -> acked(f, policy) >= offset).count();
    return switch (policy.kind()) {
      case ASYNC -> true;
      case ALL -> acks == eligible.size();
      case ANY, FIRST -> acks >= policy.k();
    };
  }

  private static long acked(FollowerProgress follower, QuorumPolicy policy) {
    return follower.acked(policy.ack());
  }
}
