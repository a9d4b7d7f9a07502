package dev.replab.engine.load;

import dev.replab.engine.cluster.Consistency;

/**
 * What {@code load} runs.
 *
 * @param ops how many operations in all (0: until {@code durationUs})
 * @param clients how many client sessions issue them
 * @param readPercent the share of reads, 0 to 100
 * @param keys how many distinct keys
 * @param zipf whether a few keys are much hotter than the rest (otherwise all equally likely)
 * @param ratePerSecond operations per simulated second for all clients together; 0 means each
 *     client sends its next operation as soon as the previous one is answered
 * @param durationUs stop issuing after this long (0: no limit)
 * @param policy where reads go (a read routing policy)
 * @param consistency the reads' session guarantee
 * @param analyze whether to run the anomaly checkers over the history afterwards
 * @param blocking whether {@code load} runs the workload to its end before returning; otherwise it
 *     runs in the background as later commands move time
 * @param region where every client lives; null spreads them over the cluster's regions in turn
 * @param backoffUs how long a closed-loop client waits after a failed operation before its next one
 *     (0: at once), as a client that retries with a pause does
 */
public record Workload(
    long ops,
    int clients,
    int readPercent,
    int keys,
    boolean zipf,
    double ratePerSecond,
    long durationUs,
    String policy,
    Consistency consistency,
    boolean analyze,
    boolean blocking,
    String region,
    long backoffUs) {

  /** A workload whose clients are spread over the cluster's regions. */
  public Workload(
      long ops,
      int clients,
      int readPercent,
      int keys,
      boolean zipf,
      double ratePerSecond,
      long durationUs,
      String policy,
      Consistency consistency,
      boolean analyze,
      boolean blocking) {
    this(
        ops,
        clients,
        readPercent,
        keys,
        zipf,
        ratePerSecond,
        durationUs,
        policy,
        consistency,
        analyze,
        blocking,
        null,
        0);
  }
}
