package dev.replab.exercises.ex09;

import dev.replab.engine.api.FencingGuard;

/** Admits only a token newer than any seen: the current leader is fenced off by its own second write. */
public final class FencingTokenGuard implements FencingGuard {
  private int newest;

  @Override
  public boolean admit(int epoch) {
    if (epoch <= newest) {
      return false;
    }
    newest = epoch;
    return true;
  }

  @Override
  public int newestEpoch() {
    return newest;
  }
}
