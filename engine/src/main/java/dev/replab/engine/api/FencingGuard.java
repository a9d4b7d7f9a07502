package dev.replab.engine.api;

/**
 * Storage's guard against zombie leaders: every write carries its leader's epoch as a fencing
 * token, and storage refuses a token older than the newest it has seen.
 */
public interface FencingGuard {
  /**
   * Decides whether a write carrying {@code epoch} may proceed; an accepted newer epoch becomes the
   * bar for every later write.
   */
  boolean admit(int epoch);

  /** The newest epoch admitted so far. */
  int newestEpoch();
}
