package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;

/** Mixes up the guarantees: the session's own writes raise the bar too, so reads wait for no reason. */
public final class MonotonicSession implements SessionGuarantee {
  private long seen;

  @Override
  public void wrote(long offset) {
    seen = Math.max(seen, offset);
  }

  @Override
  public void read(long appliedOffset) {
    seen = Math.max(seen, appliedOffset);
  }

  @Override
  public long minimumOffset() {
    return seen;
  }
}
