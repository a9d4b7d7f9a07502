package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;

/** Starts the clock at 0 instead of when watching began: a detector built late suspects its leader at once. */
public final class HeartbeatDetector implements FailureDetector {
  private final long detectUs;
  private long lastHeardUs;

  public HeartbeatDetector(long detectUs, long startUs) {
    this.detectUs = detectUs;
    this.lastHeardUs = 0;
  }

  @Override
  public void heartbeat(long atUs) {
    lastHeardUs = Math.max(lastHeardUs, atUs);
  }

  @Override
  public boolean suspects(long nowUs) {
    return nowUs - lastHeardUs > detectUs;
  }
}
