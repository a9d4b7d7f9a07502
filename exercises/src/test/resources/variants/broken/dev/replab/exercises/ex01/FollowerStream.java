package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;

/** Does not compile: a misspelt decision. */
public final class FollowerStream implements StreamApplier {
  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    return new StreamDecision.Apend(logEnd + 1);
  }
}
