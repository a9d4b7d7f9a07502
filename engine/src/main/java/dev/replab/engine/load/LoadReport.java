package dev.replab.engine.load;

import java.util.Map;

/**
 * What a workload measured.
 *
 * @param ops operations completed
 * @param reads reads completed successfully
 * @param writes writes completed successfully
 * @param failed operations that failed or whose outcome is unknown
 * @param elapsedMs simulated time from the first operation to the last answer
 * @param throughputOpsPerSecond successful operations per simulated second
 * @param readLatency read latency percentiles
 * @param writeLatency write latency percentiles
 * @param staleReads reads that returned an older value than one already committed
 * @param anomalies findings per checker over the whole history
 * @param maxLagEntries the most entries any follower was behind during the run
 * @param maxLagMs the longest any follower was missing a write during the run
 * @param maxLagNode the follower that lagged most
 * @param answeredPerTick operations answered in each 100 ms of the run, for a throughput chart
 */
public record LoadReport(
    long ops,
    long reads,
    long writes,
    long failed,
    double elapsedMs,
    double throughputOpsPerSecond,
    Percentiles readLatency,
    Percentiles writeLatency,
    long staleReads,
    Map<String, Integer> anomalies,
    long maxLagEntries,
    double maxLagMs,
    String maxLagNode,
    java.util.List<Integer> answeredPerTick) {

  /** How often {@link #answeredPerTick} counts: every 100 ms of simulated time. */
  public static final long TICK_US = 100_000;

  /** The share of successful reads that were stale, 0 to 1. */
  public double staleShare() {
    return reads == 0 ? 0 : (double) staleReads / reads;
  }
}
