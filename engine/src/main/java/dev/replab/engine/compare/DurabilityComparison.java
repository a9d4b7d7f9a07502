package dev.replab.engine.compare;

import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.command.Args;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.load.Workload;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code compare durability}: one write workload on fresh three-node clusters spread over eu, us
 * and ap, once per way of acknowledging a write, with the node the European clients write through
 * crashing part way through and (for a leader) an automatic failover. Per mode: write latency,
 * throughput, writes that failed, acknowledged writes lost, and how far a replica fell behind.
 */
final class DurabilityComparison {
  /** One way of acknowledging writes, as the lines that set up its cluster. */
  record Mode(
      String name, String meaning, List<String> setup, String policy, boolean measuresLag) {}

  static final List<Mode> MODES =
      List.of(
          new Mode(
              "synchronous",
              "the leader waits for both followers",
              List.of(
                  "create leader-follower nodes=3 regions=eu,us,ap quorum=all timeout=2s",
                  "failover auto"),
              "round-robin",
              true),
          new Mode(
              "semi-synchronous",
              "the leader waits for one follower",
              List.of(
                  "create leader-follower nodes=3 regions=eu,us,ap quorum=1 timeout=2s",
                  "failover auto"),
              "round-robin",
              true),
          new Mode(
              "asynchronous",
              "the leader answers at once",
              List.of(
                  "create leader-follower nodes=3 regions=eu,us,ap quorum=0 timeout=2s",
                  "failover auto"),
              "round-robin",
              true),
          new Mode(
              "quorum w=2 of n=3",
              "leaderless: a write waits for two of its three replicas",
              List.of(
                  "create leaderless nodes=3 n=3 w=2 r=2 regions=eu,us,ap quorum-timeout=1s"
                      + " timeout=2s"),
              "nearest",
              false));

  static final Set<String> OPTIONS = Set.of("ops", "clients", "duration", "crash-at", "trials");

  /** How long a client waits after a failed write before it tries the next. */
  static final long BACKOFF_US = 100_000;

  /** The longest {@code duration=}: each mode's history stays in memory while it is measured. */
  static final long LONGEST_US = 60_000_000;

  /** The node that crashes: the leader, or the leaderless coordinator of the eu clients. */
  static final String CRASHED = "n1";

  /**
   * What one run of one mode measured: write latency and throughput before the crash, writes that
   * failed, acknowledged writes lost, the furthest a running replica fell behind, and how long
   * after the crash the first write that began after it succeeded (negative: none did).
   */
  record Run(
      double p50Ms,
      double p99Ms,
      double throughput,
      long failed,
      long lost,
      double maxLagMs,
      double outageMs) {}

  private DurabilityComparison() {}

  static Command parse(Map<String, Args.Option> options) throws CommandError {
    Comparisons.only(options, OPTIONS, "durability");
    int ops = options.containsKey("ops") ? options.get("ops").positiveInt(200_000) : 0;
    long durationUs =
        options.containsKey("duration") ? options.get("duration").positiveDurationUs() : 4_000_000;
    if (durationUs > LONGEST_US) {
      throw new CommandError(
          "compare durability runs each mode for at most "
              + Durations.format(LONGEST_US)
              + ", not "
              + options.get("duration").value(),
          options.get("duration").column());
    }
    int clients = options.containsKey("clients") ? options.get("clients").positiveInt(1_000) : 12;
    long crashAtUs =
        options.containsKey("crash-at") ? options.get("crash-at").positiveDurationUs() : 1_000_000;
    if (crashAtUs >= durationUs) {
      throw new CommandError(
          "crash-at must come before the clients stop, at " + Durations.format(durationUs),
          options.get("crash-at").column());
    }
    int trials = options.containsKey("trials") ? options.get("trials").positiveInt(20) : 1;
    return Comparisons.run(
        "durability", (seed, cluster) -> run(seed, ops, clients, durationUs, crashAtUs, trials));
  }

  static Result run(long seed, int ops, int clients, long durationUs, long crashAtUs, int trials) {
    List<Result.DurabilityRow> rows = new ArrayList<>();
    for (Mode mode : MODES) {
      List<Run> runs = new ArrayList<>();
      for (int trial = 0; trial < trials; trial++) {
        runs.add(once(mode, seed + trial, ops, clients, durationUs, crashAtUs));
      }
      rows.add(row(mode, runs));
    }
    return new Result.DurabilityTable(
        ops,
        clients,
        Durations.toMs(crashAtUs),
        trials,
        rows,
        text(ops, clients, durationUs, crashAtUs, trials, rows));
  }

  private static Run once(
      Mode mode, long seed, int ops, int clients, long durationUs, long crashAtUs) {
    Workload workload =
        new Workload(
            ops,
            clients,
            0,
            100,
            false,
            0,
            durationUs,
            mode.policy(),
            Consistency.EVENTUAL,
            false,
            false,
            "eu",
            BACKOFF_US);
    CrashRun run = CrashRun.run(mode.setup(), seed, workload, crashAtUs, CRASHED);
    long[] latencies = run.latenciesBefore(Operation::isWrite);
    return new Run(
        CrashRun.quantileMs(latencies, 0.5),
        CrashRun.quantileMs(latencies, 0.99),
        latencies.length / Durations.toMs(crashAtUs) * 1_000,
        run.failed(Operation::isWrite),
        run.findings("lost-writes"),
        mode.measuresLag() ? run.mostLagMs() : -1,
        run.writeOutageMs());
  }

  private static Result.DurabilityRow row(Mode mode, List<Run> runs) {
    return new Result.DurabilityRow(
        mode.name(),
        mode.meaning(),
        median(runs.stream().mapToDouble(Run::p50Ms).toArray()),
        median(runs.stream().mapToDouble(Run::p99Ms).toArray()),
        median(runs.stream().mapToDouble(Run::throughput).toArray()),
        Math.round(median(runs.stream().mapToDouble(Run::failed).toArray())),
        Math.round(median(runs.stream().mapToDouble(Run::lost).toArray())),
        runs.stream().mapToLong(Run::lost).min().orElse(0),
        runs.stream().mapToLong(Run::lost).max().orElse(0),
        median(runs.stream().mapToDouble(Run::maxLagMs).toArray()),
        runs.stream().anyMatch(run -> run.outageMs() < 0)
            ? -1
            : median(runs.stream().mapToDouble(Run::outageMs).toArray()));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String text(
      int ops,
      int clients,
      long durationUs,
      long crashAtUs,
      int trials,
      List<Result.DurabilityRow> rows) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "compare durability: %d clients in eu write for %s%s to three nodes in eu (n1), us"
                    + " (n2) and ap (n3); n1 crashes at %s%s%n",
                clients,
                Durations.format(durationUs),
                ops == 0 ? "" : " (at most " + ops + " writes)",
                Durations.format(crashAtUs),
                trials == 1 ? "" : "; medians of " + trials + " trials (seeds in a row)"));
    text.append(
        String.format(
            Locale.ROOT,
            "%-18s %9s %9s %7s %7s %10s %9s %14s%n",
            "mode",
            "write p50",
            "write p99",
            "ops/s",
            "failed",
            "acked lost",
            "max lag",
            "no writes for"));
    for (Result.DurabilityRow row : rows) {
      String lost =
          row.lostMin() == row.lostMax()
              ? Long.toString(row.ackedLost())
              : row.ackedLost() + " (" + row.lostMin() + "-" + row.lostMax() + ")";
      text.append(
          String.format(
              Locale.ROOT,
              "%-18s %9s %9s %7.0f %7d %10s %9s %14s%n",
              row.mode(),
              Result.ms(row.p50Ms()),
              Result.ms(row.p99Ms()),
              row.throughputOpsPerSecond(),
              row.failed(),
              lost,
              row.maxLagMs() < 0 ? "-" : Result.ms(row.maxLagMs()),
              row.outageMs() < 0 ? "the rest" : Result.ms(row.outageMs())));
    }
    text.append(
        "latency and ops/s are measured before the crash; failed, lost and 'no writes for' (from"
            + " the crash to the first write begun after it that succeeded) after it\n");
    for (Result.DurabilityRow row : rows) {
      text.append("  ").append(row.mode()).append(": ").append(sentence(row)).append('\n');
    }
    return text.toString().stripTrailing();
  }

  /** What a row's numbers mean, in one sentence. */
  private static String sentence(Result.DurabilityRow row) {
    String lost =
        row.ackedLost() == 0
            ? "the crash lost no acknowledged write"
            : "the crash lost "
                + row.ackedLost()
                + " acknowledged write"
                + (row.ackedLost() == 1 ? "" : "s");
    String outage =
        row.outageMs() < 0
            ? "no write succeeded after it"
            : "writes succeeded again " + Result.ms(row.outageMs()) + " after it";
    return row.meaning()
        + ", so a write took "
        + Result.ms(row.p50Ms())
        + " at the median; "
        + lost
        + ", and "
        + outage;
  }
}
