package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;

/** A known bug: heartbeats are never looked at, so a lost last batch is never asked for again. */
public final class FollowerStream implements StreamApplier {
  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    if (count == 0 || prevOffset + count <= logEnd) {
      return new StreamDecision.Ignore();
    }
    if (prevOffset > logEnd) {
      return new StreamDecision.Resend(logEnd + 1);
    }
    return new StreamDecision.Append(logEnd + 1);
  }
}
