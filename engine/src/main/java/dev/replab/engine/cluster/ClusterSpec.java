package dev.replab.engine.cluster;

import dev.replab.engine.net.Latency;
import java.util.List;

/**
 * The settings every cluster is created with, whatever its replication model: how many nodes, where
 * they are, the network between them, and how long clients wait.
 *
 * @param nodes how many nodes
 * @param regions where nodes go, round-robin
 * @param insideLatency delay inside a region, or null for the default
 * @param wanUs one-way delay between regions, or 0 for the typical table
 * @param wanLatency the delay between any two regions as a distribution ({@code wan=exp(80ms)}), or
 *     null: then {@code wanUs} or the typical table
 * @param loss probability that any message between nodes is lost
 * @param clientTimeoutUs how long a client waits for an answer
 * @param serviceUs how long a node takes to serve one client request (0: no limit on capacity)
 */
public record ClusterSpec(
    int nodes,
    List<String> regions,
    Latency insideLatency,
    long wanUs,
    Latency wanLatency,
    double loss,
    long clientTimeoutUs,
    long serviceUs) {
  public ClusterSpec {
    regions = List.copyOf(regions);
  }

  /** Settings whose delay between regions is one duration, or the typical table (0). */
  public ClusterSpec(
      int nodes,
      List<String> regions,
      Latency insideLatency,
      long wanUs,
      double loss,
      long clientTimeoutUs,
      long serviceUs) {
    this(nodes, regions, insideLatency, wanUs, null, loss, clientTimeoutUs, serviceUs);
  }

  /** The defaults for a cluster of {@code nodes} nodes. */
  public static ClusterSpec defaults(int nodes) {
    return new ClusterSpec(
        nodes, List.of(dev.replab.engine.net.Regions.DEFAULT), null, 0, 0.0, 30_000_000, 0);
  }

  /** The same settings with another number of nodes, as {@code sweep} uses. */
  public ClusterSpec withNodes(int count) {
    return new ClusterSpec(
        count, regions, insideLatency, wanUs, wanLatency, loss, clientTimeoutUs, serviceUs);
  }

  /** The same settings with another service time per request. */
  public ClusterSpec withServiceUs(long us) {
    return new ClusterSpec(
        nodes, regions, insideLatency, wanUs, wanLatency, loss, clientTimeoutUs, us);
  }
}
