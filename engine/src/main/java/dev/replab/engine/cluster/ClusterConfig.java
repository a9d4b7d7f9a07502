package dev.replab.engine.cluster;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.net.Latency;
import java.util.List;

/**
 * The settings a cluster is created with.
 *
 * @param nodes how many nodes (n1 leads at first)
 * @param regions where nodes go, round-robin
 * @param insideLatency delay inside a region, or null for the default
 * @param wanUs one-way delay between regions, or 0 for the typical table
 * @param loss probability that any message is lost
 * @param applyUs how long a follower takes to apply one entry
 * @param heartbeatUs how often the leader sends heartbeats
 * @param clientTimeoutUs how long a client waits for an answer
 * @param policy the commit rule's setting
 * @param serviceUs how long a node takes to serve one client request (0: no limit on capacity)
 * @param readPolicy where clients' reads go when they name no node
 */
public record ClusterConfig(
    int nodes,
    List<String> regions,
    Latency insideLatency,
    long wanUs,
    double loss,
    long applyUs,
    long heartbeatUs,
    long clientTimeoutUs,
    QuorumPolicy policy,
    long serviceUs,
    String readPolicy) {
  public ClusterConfig {
    regions = List.copyOf(regions);
  }

  public static ClusterConfig defaults() {
    return new ClusterConfig(
        3,
        List.of(dev.replab.engine.net.Regions.DEFAULT),
        null,
        0,
        0.0,
        2_000,
        100_000,
        30_000_000,
        QuorumPolicy.ASYNC,
        0,
        "leader");
  }

  /** The same settings with another number of nodes, as {@code sweep} uses. */
  public ClusterConfig withNodes(int count) {
    return new ClusterConfig(
        count,
        regions,
        insideLatency,
        wanUs,
        loss,
        applyUs,
        heartbeatUs,
        clientTimeoutUs,
        policy,
        serviceUs,
        readPolicy);
  }
}
