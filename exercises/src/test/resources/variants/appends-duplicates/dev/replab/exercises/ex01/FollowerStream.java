package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;

/** A known bug: every batch is appended whole, even the entries the log already has. */
public final class FollowerStream implements StreamApplier {
  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    if (prevOffset > logEnd) {
      return new StreamDecision.Resend(logEnd + 1);
    }
    return new StreamDecision.Append(prevOffset + 1);
  }
}
