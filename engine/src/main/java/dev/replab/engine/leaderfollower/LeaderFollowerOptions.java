package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.model.ModelOptions;

/**
 * The settings a leader-follower cluster is created with, beside the network's.
 *
 * @param applyUs how long a follower takes to apply one entry
 * @param heartbeatUs how often the leader sends heartbeats
 * @param policy the commit rule's setting
 * @param readPolicy where clients' reads go when they name no node
 */
public record LeaderFollowerOptions(
    long applyUs, long heartbeatUs, QuorumPolicy policy, String readPolicy)
    implements ModelOptions {
  public static LeaderFollowerOptions defaults() {
    return new LeaderFollowerOptions(2_000, 100_000, QuorumPolicy.ASYNC, "leader");
  }
}
