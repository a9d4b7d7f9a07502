package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;

/** A known bug: a gap goes unnoticed, so the follower waits for entries that never come. */
public final class FollowerStream implements StreamApplier {
  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    if (prevOffset > logEnd || prevOffset + count <= logEnd) {
      return new StreamDecision.Ignore();
    }
    return new StreamDecision.Append(logEnd + 1);
  }
}
