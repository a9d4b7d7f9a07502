package dev.replab.engine.compare;

import dev.replab.engine.Session;
import dev.replab.engine.check.Checker;
import dev.replab.engine.check.Checkers;
import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.load.LoadReport;
import dev.replab.engine.load.LoadRunner;
import dev.replab.engine.load.Workload;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One measured run of a comparison: a fresh cluster from setup lines, a workload in the background,
 * one node crashing part way through, and time for the survivors to settle. Its history then
 * answers what the comparisons ask: latencies and throughput before the crash, failures, how long
 * writes stopped, and what the checkers find.
 */
final class CrashRun {
  /** How often the furthest replica's lag is sampled. */
  static final long SAMPLE_US = 10_000;

  /** Time after the workload for a failover to finish and the survivors to agree. */
  static final long SETTLE_US = 3_000_000;

  final Session session;
  final Cluster cluster;
  final long crashUs;
  final LoadReport report;
  private final long mostLagUs;

  private CrashRun(Session session, long crashUs, LoadReport report, long mostLagUs) {
    this.session = session;
    this.cluster = session.cluster();
    this.crashUs = crashUs;
    this.report = report;
    this.mostLagUs = mostLagUs;
  }

  static CrashRun run(
      List<String> setup, long seed, Workload workload, long crashAtUs, String crashed) {
    Session session = new Session(seed);
    setup.forEach(line -> Comparisons.one(session, line));
    Cluster cluster = session.cluster();
    LoadReport[] report = new LoadReport[1];
    long start = cluster.sim().nowUs();
    LoadRunner.start(cluster, workload, done -> report[0] = done);
    cluster.sim().schedule(crashAtUs, () -> cluster.crash(crashed));
    long[] mostLagUs = new long[1];
    sampleLag(cluster, mostLagUs, () -> report[0] != null);
    cluster.sim().runUntil(() -> report[0] != null, start + 3_600_000_000L);
    cluster.sim().runUntil(cluster.sim().nowUs() + SETTLE_US);
    return new CrashRun(session, start + crashAtUs, report[0], mostLagUs[0]);
  }

  /**
   * Every {@link #SAMPLE_US}, the furthest a running replica is behind: a crashed node is not
   * behind, it is gone, and counting it would measure the crash's length.
   */
  private static void sampleLag(
      Cluster cluster, long[] most, java.util.function.BooleanSupplier done) {
    cluster
        .sim()
        .scheduleBackground(
            SAMPLE_US,
            () -> {
              for (var lag : cluster.model().lagNow()) {
                if (cluster.host(lag.node()).up()) {
                  most[0] = Math.max(most[0], lag.lagUs());
                }
              }
              if (!done.getAsBoolean()) {
                sampleLag(cluster, most, done);
              }
            });
  }

  /** The furthest a running replica fell behind, in milliseconds. */
  double mostLagMs() {
    return Durations.toMs(mostLagUs);
  }

  /** Latencies, sorted, of the operations that succeeded and ended before the crash. */
  long[] latenciesBefore(Predicate<Operation> which) {
    List<Long> before = new ArrayList<>();
    for (Operation op : cluster.history().operations()) {
      if (which.test(op) && op.outcome() == Outcome.OK && op.completeUs() <= crashUs) {
        before.add(op.completeUs() - op.invokeUs());
      }
    }
    return before.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** How many operations of a kind did not succeed. */
  long failed(Predicate<Operation> which) {
    long failed = 0;
    for (Operation op : cluster.history().operations()) {
      if (which.test(op) && op.outcome() != Outcome.OK && op.outcome() != Outcome.PENDING) {
        failed++;
      }
    }
    return failed;
  }

  /**
   * From the crash to the first write begun after it that succeeded, in milliseconds; -1 when none
   * did.
   */
  double writeOutageMs() {
    long first = -1;
    for (Operation op : cluster.history().operations()) {
      if (op.isWrite()
          && op.outcome() == Outcome.OK
          && op.invokeUs() >= crashUs
          && (first < 0 || op.completeUs() < first)) {
        first = op.completeUs();
      }
    }
    return first < 0 ? -1 : Durations.toMs(first - crashUs);
  }

  /** How many findings a checker has, 0 when it does not apply, -1 when it cannot decide. */
  long findings(String checker) {
    Checker named = Checkers.named(checker);
    RunRecord record = cluster.model().runRecord();
    if (named.notApplicable(record) != null) {
      return 0;
    }
    try {
      return named.check(record).size();
    } catch (Checker.Inconclusive e) {
      return -1;
    }
  }

  /** The quantile of sorted microseconds, in milliseconds; 0 for no samples. */
  static double quantileMs(long[] sortedUs, double quantile) {
    if (sortedUs.length == 0) {
      return 0;
    }
    int at = (int) Math.min(sortedUs.length - 1, Math.ceil(quantile * sortedUs.length) - 1);
    return Durations.toMs(sortedUs[Math.max(0, at)]);
  }
}
