package dev.replab.engine.api;

/** The engine's detector: suspect the leader once no heartbeat came for {@code detectUs}. */
public final class TimeoutDetector implements FailureDetector {
  private final long detectUs;
  private long lastHeartbeatUs;

  /**
   * @param detectUs how long silence lasts before suspicion
   * @param startUs when watching began (counts as a heartbeat)
   */
  public TimeoutDetector(long detectUs, long startUs) {
    this.detectUs = detectUs;
    this.lastHeartbeatUs = startUs;
  }

  @Override
  public void heartbeat(long atUs) {
    lastHeartbeatUs = Math.max(lastHeartbeatUs, atUs);
  }

  @Override
  public boolean suspects(long nowUs) {
    return nowUs - lastHeartbeatUs > detectUs;
  }
}
