package dev.replab.exercises.ex08;

import dev.replab.engine.api.LogPosition;
import dev.replab.engine.api.VoteRule;

/**
 * Exercise 8: the voter's rule that keeps an election from choosing a leader that lacks
 * committed writes.
 *
 * <p>The task is in {@code exercises/ex08-vote-rule/README.adoc}. Replace the body of
 * {@link #grants}; you may add fields, methods and classes in this package. Grade your work with
 * {@code ./replab grade ex08}.
 */
public final class UpToDateLogRule implements VoteRule {

  @Override
  public boolean grants(LogPosition candidate, LogPosition voter) {
    throw new UnsupportedOperationException("Exercise 8: UpToDateLogRule.grants is not written yet");
  }
}
