package dev.replab.exercises.ex02;

import dev.replab.engine.api.CommitRule;
import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.QuorumPolicy;
import java.util.List;

/**
 * Exercise 2: when a leader may call a write committed and answer the client.
 *
 * <p>The task is in {@code exercises/ex02-commit-rule/README.adoc}. Replace the body of
 * {@link #isCommitted}; you may add fields, methods and classes in this package. Grade your
 * work with {@code ./replab grade ex02}.
 */
public final class QuorumCommitRule implements CommitRule {

  @Override
  public boolean isCommitted(long offset, QuorumPolicy policy, List<FollowerProgress> followers) {
    throw new UnsupportedOperationException("Exercise 2: QuorumCommitRule.isCommitted is not written yet");
  }
}
