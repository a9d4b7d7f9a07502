package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;

/** Asks for one entry more than it has seen, so a read waits for a write that may never come. */
public final class MonotonicSession implements SessionGuarantee {
  private long seen;

  @Override
  public void wrote(long offset) {}

  @Override
  public void read(long appliedOffset) {
    seen = Math.max(seen, appliedOffset);
  }

  @Override
  public long minimumOffset() {
    return seen + 1;
  }
}
