package dev.replab.engine.api;

/** The engine's fencing guard: admits the newest epoch seen and anything newer. */
public final class EpochFence implements FencingGuard {
  private int newest;

  @Override
  public boolean admit(int epoch) {
    if (epoch < newest) {
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
