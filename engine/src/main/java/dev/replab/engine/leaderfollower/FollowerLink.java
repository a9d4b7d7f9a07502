package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.FollowerProgress;

/** A leader's volatile view of one follower's replication stream. */
final class FollowerLink {
  final String id;
  long nextOffset;
  long received;
  long applied;
  long lastHeardUs;

  FollowerLink(String id, long nextOffset, long nowUs) {
    this.id = id;
    this.nextOffset = nextOffset;
    this.lastHeardUs = nowUs;
  }

  FollowerProgress progress(long nowUs, long connectionTimeoutUs) {
    return new FollowerProgress(id, received, applied, nowUs - lastHeardUs <= connectionTimeoutUs);
  }
}
