package dev.replab.exercises.ex08;

import dev.replab.engine.api.LogPosition;
import dev.replab.engine.api.VoteRule;

/** Votes for whoever asks first: a follower that missed acknowledged writes can win. */
public final class UpToDateLogRule implements VoteRule {
  @Override
  public boolean grants(LogPosition candidate, LogPosition voter) {
    return true;
  }
}
