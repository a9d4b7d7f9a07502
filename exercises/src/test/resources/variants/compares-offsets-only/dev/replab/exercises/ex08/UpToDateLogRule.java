package dev.replab.exercises.ex08;

import dev.replab.engine.api.LogPosition;
import dev.replab.engine.api.VoteRule;

/** Compares offsets and ignores epochs: a long log of uncommitted entries from a deposed leader wins. */
public final class UpToDateLogRule implements VoteRule {
  @Override
  public boolean grants(LogPosition candidate, LogPosition voter) {
    return candidate.lastOffset() >= voter.lastOffset();
  }
}
