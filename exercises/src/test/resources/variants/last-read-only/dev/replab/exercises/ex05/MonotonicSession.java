package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;

/** Remembers the last state read rather than the furthest, so a late answer from a laggard lowers the bar. */
public final class MonotonicSession implements SessionGuarantee {
  private long seen;

  @Override
  public void wrote(long offset) {}

  @Override
  public void read(long appliedOffset) {
    seen = appliedOffset;
  }

  @Override
  public long minimumOffset() {
    return seen;
  }
}
