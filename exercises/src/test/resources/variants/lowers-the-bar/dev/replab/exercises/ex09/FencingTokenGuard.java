package dev.replab.exercises.ex09;

import dev.replab.engine.api.FencingGuard;

/** Records every token it is shown, even a refused one: a zombie lowers the bar and its next write passes. */
public final class FencingTokenGuard implements FencingGuard {
  private int newest;

  @Override
  public boolean admit(int epoch) {
    boolean admitted = epoch >= newest;
    newest = epoch;
    return admitted;
  }

  @Override
  public int newestEpoch() {
    return newest;
  }
}
