package dev.replab.exercises.ex09;

import dev.replab.engine.api.FencingGuard;

/**
 * Reference solution of Exercise 9: storage admits writes carrying the newest epoch it has seen
 * (or a newer one, which becomes the bar) and refuses older ones: a deposed leader that wakes
 * up is fenced off.
 */
public final class FencingTokenGuard implements FencingGuard {
  private int newestEpoch;

  @Override
  public boolean admit(int epoch) {
    if (epoch < newestEpoch) {
      // A refused token leaves the bar where it was: the zombie must not lower it.
      return false;
    }
    // The current leader's own epoch must pass again and again, so equal is admitted.
    newestEpoch = epoch;
    return true;
  }

  @Override
  public int newestEpoch() {
    return newestEpoch;
  }
}
