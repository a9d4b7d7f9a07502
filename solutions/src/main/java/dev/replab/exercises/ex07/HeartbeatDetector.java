package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;

/**
 * Reference solution of Exercise 7: suspect the leader once it has been silent for longer than
 * the detection timeout, counting from its latest heartbeat (or from when watching began).
 */
public final class HeartbeatDetector implements FailureDetector {
  private final long detectUs;
  private long lastHeardUs;

  /**
   * @param detectUs how long the leader may stay silent before it is suspected
   * @param startUs when watching began; it counts as a heartbeat, so a new watcher gives the
   *     leader a full timeout before suspecting it
   */
  public HeartbeatDetector(long detectUs, long startUs) {
    this.detectUs = detectUs;
    this.lastHeardUs = startUs;
  }

  @Override
  public void heartbeat(long atUs) {
    // A heartbeat reported late must not move the last sign of life back in time.
    lastHeardUs = Math.max(lastHeardUs, atUs);
  }

  @Override
  public boolean suspects(long nowUs) {
    return nowUs - lastHeardUs > detectUs;
  }
}
