package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;

/** Reads the timeout as milliseconds, so it waits a thousand times too long and a crashed leader is never replaced in time. */
public final class HeartbeatDetector implements FailureDetector {
  private final long detectUs;
  private long lastHeardUs;

  public HeartbeatDetector(long detectUs, long startUs) {
    this.detectUs = detectUs;
    this.lastHeardUs = startUs;
  }

  @Override
  public void heartbeat(long atUs) {
    lastHeardUs = Math.max(lastHeardUs, atUs);
  }

  @Override
  public boolean suspects(long nowUs) {
    return nowUs - lastHeardUs > detectUs * 1_000;
  }
}
