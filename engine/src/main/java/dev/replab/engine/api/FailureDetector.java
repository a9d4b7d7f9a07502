package dev.replab.engine.api;

/**
 * Decides from heartbeats whether the leader is suspected to have failed. A good detector does not
 * suspect a live leader whose heartbeats arrive late but within its threshold, and does suspect a
 * dead one soon after its heartbeats stop. One instance watches one leader.
 */
public interface FailureDetector {
  /** A heartbeat (or any message) from the leader arrived at {@code atUs}. */
  void heartbeat(long atUs);

  /** True when, at {@code nowUs}, the leader should be considered failed. */
  boolean suspects(long nowUs);
}
