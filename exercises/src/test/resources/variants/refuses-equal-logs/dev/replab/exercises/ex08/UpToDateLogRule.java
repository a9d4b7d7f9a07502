package dev.replab.exercises.ex08;

import dev.replab.engine.api.LogPosition;
import dev.replab.engine.api.VoteRule;

/** Demands a strictly more up-to-date log: two followers with identical logs refuse each other and no one is elected. */
public final class UpToDateLogRule implements VoteRule {
  @Override
  public boolean grants(LogPosition candidate, LogPosition voter) {
    return candidate.lastEpoch() != voter.lastEpoch() ? candidate.lastEpoch() > voter.lastEpoch() : candidate.lastOffset() > voter.lastOffset();
  }
}
