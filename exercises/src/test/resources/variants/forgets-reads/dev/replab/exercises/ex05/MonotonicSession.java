package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;

/** Remembers nothing: every read may go to any replica, however far behind. */
public final class MonotonicSession implements SessionGuarantee {
  private long seen;

  @Override
  public void wrote(long offset) {}

  @Override
  public void read(long appliedOffset) {}

  @Override
  public long minimumOffset() {
    return seen;
  }
}
