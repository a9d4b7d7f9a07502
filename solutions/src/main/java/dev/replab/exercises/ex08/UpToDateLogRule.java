package dev.replab.exercises.ex08;

import dev.replab.engine.api.LogPosition;
import dev.replab.engine.api.VoteRule;

/**
 * Reference solution of Exercise 8: a voter grants its vote only to a candidate whose log is at
 * least as up to date as its own. The epoch of the last entry decides first; only within the
 * same epoch does the longer log win.
 */
public final class UpToDateLogRule implements VoteRule {

  @Override
  public boolean grants(LogPosition candidate, LogPosition voter) {
    if (candidate.lastEpoch() != voter.lastEpoch()) {
      // Entries of a later epoch were written by a later leader, which had every committed
      // entry of the earlier epochs: a longer log from an older epoch may hold writes that
      // were never committed and were since replaced.
      return candidate.lastEpoch() > voter.lastEpoch();
    }
    // Equal logs must grant each other, or two identical followers could never elect either.
    return candidate.lastOffset() >= voter.lastOffset();
  }
}
