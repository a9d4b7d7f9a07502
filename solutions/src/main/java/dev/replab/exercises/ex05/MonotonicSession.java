package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;

/**
 * Reference solution of Exercise 5: a session that never reads an older state than one it has
 * already seen. It remembers the furthest applied offset of any replica that answered it.
 */
public final class MonotonicSession implements SessionGuarantee {
  private long furthestSeen;

  @Override
  public void wrote(long offset) {
    // Monotonic reads promise nothing about the session's own writes; remembering them would
    // turn this into read-your-writes and make reads wait for no reason.
  }

  @Override
  public void read(long appliedOffset) {
    // Answers can arrive from a replica behind one read earlier (an unguarded read, a read that
    // overtook another): the bar only ever rises.
    furthestSeen = Math.max(furthestSeen, appliedOffset);
  }

  @Override
  public long minimumOffset() {
    return furthestSeen;
  }
}
