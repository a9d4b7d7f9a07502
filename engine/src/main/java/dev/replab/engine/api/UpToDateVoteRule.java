package dev.replab.engine.api;

/** The engine's vote rule: compare the epoch of the last entry first, then the offset. */
public final class UpToDateVoteRule implements VoteRule {
  @Override
  public boolean grants(LogPosition candidate, LogPosition voter) {
    if (candidate.lastEpoch() != voter.lastEpoch()) {
      return candidate.lastEpoch() > voter.lastEpoch();
    }
    return candidate.lastOffset() >= voter.lastOffset();
  }
}
