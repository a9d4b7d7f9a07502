package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;

/** Suspects after 200 ms of silence, whatever timeout it was given: jitter alone causes failovers. */
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
    return nowUs - lastHeardUs > 200_000;
  }
}
