package dev.replab.engine.api;

/** The engine's stream rule: append what is new, ignore what is known, ask again after a gap. */
public final class StandardStreamApplier implements StreamApplier {
  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    if (prevOffset > logEnd) {
      return new StreamDecision.Resend(logEnd + 1);
    }
    if (prevOffset + count <= logEnd) {
      return new StreamDecision.Ignore();
    }
    return new StreamDecision.Append(logEnd + 1);
  }
}
