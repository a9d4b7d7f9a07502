package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;

/** Takes the latest report as the last sign of life, even when it is older than one already seen. */
public final class HeartbeatDetector implements FailureDetector {
  private final long detectUs;
  private long lastHeardUs;

  public HeartbeatDetector(long detectUs, long startUs) {
    this.detectUs = detectUs;
    this.lastHeardUs = startUs;
  }

  @Override
  public void heartbeat(long atUs) {
    lastHeardUs = atUs;
  }

  @Override
  public boolean suspects(long nowUs) {
    return nowUs - lastHeardUs > detectUs;
  }
}
