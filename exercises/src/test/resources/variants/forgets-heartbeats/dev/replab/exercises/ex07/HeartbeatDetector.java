package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;

/** Counts silence from when watching began, whatever the heartbeats say: a healthy leader is suspected after one timeout. */
public final class HeartbeatDetector implements FailureDetector {
  private final long detectUs;
  private long lastHeardUs;

  public HeartbeatDetector(long detectUs, long startUs) {
    this.detectUs = detectUs;
    this.lastHeardUs = startUs;
  }

  @Override
  public void heartbeat(long atUs) {
    // Heartbeats are not recorded.
  }

  @Override
  public boolean suspects(long nowUs) {
    return nowUs - lastHeardUs > detectUs;
  }
}
