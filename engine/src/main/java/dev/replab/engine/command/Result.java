package dev.replab.engine.command;

import java.util.List;
import java.util.Locale;

/**
 * What a command produced. Records carry the fields that {@code --json} prints; {@link #text()} is
 * what a person sees. Text is rendered here, in the engine, so every front end shows the same.
 */
public sealed interface Result
    permits Result.Message,
        Result.Created,
        Result.WriteDone,
        Result.ReadDone,
        Result.TimeMoved,
        Result.Status,
        Result.Lag,
        Result.LogListing,
        Result.Inspection,
        Result.HistoryListing,
        Result.HelpText,
        Result.CheckReport,
        Result.LoadDone,
        Result.SweepTable,
        Result.DurabilityTable,
        Result.ModelsTable,
        Result.Frames,
        Result.Together,
        Result.Explanation,
        Result.ModelResult {

  /** The human rendering. */
  String text();

  /** What a model's own command produces: a record of the model's, printed the same way. */
  non-sealed interface ModelResult extends Result {}

  /** A command whose whole outcome is one sentence (crash, heal, setquorum, ...). */
  record Message(String message) implements Result {
    public String text() {
      return message;
    }
  }

  /** A new cluster. */
  record Created(String model, List<NodeRow> nodes, String setquorum, String text)
      implements Result {}

  /**
   * A finished write or delete. {@code outcome} is ok, fail or unknown; {@code failure} says why
   * the operation itself failed (null when it succeeded), unlike a rejected command.
   */
  record WriteDone(
      String key,
      String value,
      String node,
      String client,
      String outcome,
      long version,
      int epoch,
      double latencyMs,
      List<String> ackedBy,
      boolean fellBack,
      String failure,
      String text)
      implements Result {}

  /** A finished read, with whether it was stale and what was newer. */
  record ReadDone(
      String key,
      String value,
      String node,
      String client,
      String outcome,
      long version,
      int epoch,
      boolean stale,
      String latest,
      long latestVersion,
      long behindEntries,
      double behindMs,
      double latencyMs,
      List<String> siblings,
      String failure,
      String text)
      implements Result {}

  /** {@code tick} and {@code settle}. */
  record TimeMoved(double advancedMs, double nowMs, boolean settled, String text)
      implements Result {}

  /** One node in {@code status}. */
  record NodeRow(
      String id,
      String role,
      boolean up,
      String state,
      String region,
      long offset,
      long applied,
      long lag,
      double lagMs,
      int epoch,
      String leader) {}

  /** {@code status}. */
  record Status(
      String model,
      String mode,
      String setquorum,
      String leader,
      String failover,
      List<NodeRow> nodes,
      List<String> partitions,
      String text)
      implements Result {}

  /** One follower in {@code lag}. */
  record LagRow(String id, long receivedLag, long appliedLag, double lagMs, double replayLagMs) {}

  /** {@code lag}. */
  record Lag(String leader, long leaderOffset, List<LagRow> followers, String text)
      implements Result {}

  /** One entry in {@code log}. */
  record LogRow(
      long offset, int epoch, String key, String value, boolean applied, boolean committed) {}

  /** {@code log n}. */
  record LogListing(String node, long offset, long applied, List<LogRow> entries, String text)
      implements Result {}

  /** One replica's copy of a key in {@code inspect}. */
  record Replica(String node, String value, long version, int epoch, boolean stale) {}

  /** {@code inspect k}. */
  record Inspection(
      String key, String latest, long latestVersion, List<Replica> replicas, String text)
      implements Result {}

  /** One operation in {@code history}. */
  record OpRow(
      long id,
      String client,
      String kind,
      String key,
      String value,
      String node,
      double invokeMs,
      double completeMs,
      String outcome,
      long version,
      int epoch,
      boolean stale,
      String lost,
      String error) {}

  /** A cluster event in {@code history}. */
  record EventRow(double atMs, String node, String event) {}

  /** {@code history}. */
  record HistoryListing(List<OpRow> operations, List<EventRow> events, String text)
      implements Result {}

  /** One anomaly in {@code check}. */
  record FindingRow(String checker, String kind, String key, List<Long> ops, String explanation) {}

  /** One checker's verdict in {@code check}: "ok", "anomalies" or "inconclusive". */
  record CheckerVerdict(String checker, String verdict, String why) {}

  /** {@code check}: "ok" only when every checker ran and found nothing. */
  record CheckReport(
      List<FindingRow> findings, List<CheckerVerdict> checkers, String verdict, String text)
      implements Result {}

  /**
   * One mode of {@code compare durability}: medians over its trials; {@code outageMs} is -1 when no
   * write begun after the crash succeeded.
   */
  record DurabilityRow(
      String mode,
      String meaning,
      double p50Ms,
      double p99Ms,
      double throughputOpsPerSecond,
      long failed,
      long ackedLost,
      long lostMin,
      long lostMax,
      double maxLagMs,
      double outageMs) {}

  /** {@code compare durability}. */
  record DurabilityTable(
      int ops, int clients, double crashAtMs, int trials, List<DurabilityRow> rows, String text)
      implements Result {}

  /**
   * One model of {@code compare models}: medians over its trials; outage -1: writes never resumed.
   */
  record ModelRow(
      String model,
      String character,
      double writeP50Ms,
      double readP50Ms,
      double throughputOpsPerSecond,
      double stalePercent,
      long conflicts,
      long overwritten,
      long ackedLost,
      double outageMs,
      long anomalies) {}

  /** {@code compare models}. */
  record ModelsTable(
      int clients,
      int readPercent,
      int keys,
      double durationMs,
      double crashAtMs,
      int trials,
      List<ModelRow> rows,
      String text)
      implements Result {}

  /** {@code load}: what the workload measured. */
  record LoadDone(
      long ops,
      long reads,
      long writes,
      long failed,
      double elapsedMs,
      double throughputOpsS,
      dev.replab.engine.load.Percentiles readLatency,
      dev.replab.engine.load.Percentiles writeLatency,
      double staleShare,
      java.util.Map<String, Integer> anomalies,
      long maxLagEntries,
      double maxLagMs,
      String text)
      implements Result {}

  /** One cluster size in {@code sweep}. */
  record SweepRow(
      int replicas,
      double throughputOpsS,
      double readP50Ms,
      double readP99Ms,
      double writeP50Ms,
      double writeP99Ms,
      double staleShare) {}

  /** {@code sweep}. */
  record SweepTable(List<SweepRow> rows, String text) implements Result {}

  /** One snapshot of the live view. */
  record Frame(double tMs, List<String> lines) {}

  /** {@code watch} where nothing can animate: the snapshots it took. */
  record Frames(List<Frame> frames, String text) implements Result {}

  /** Client operations started together with {@code &}, each with its own result. */
  record Together(List<Result> results, String text) implements Result {}

  /** {@code why <op>}: the operation's story in sentences, and a small space-time diagram. */
  record Explanation(long op, List<String> reasons, String diagram, String text) implements Result {
    public Explanation {
      reasons = List.copyOf(reasons);
    }
  }

  /** {@code help}. */
  record HelpText(String topic, List<String> commands, String text) implements Result {}

  /** Formats milliseconds for text output. */
  static String ms(double ms) {
    return String.format(Locale.ROOT, ms >= 100 ? "%.0fms" : "%.2fms", ms);
  }
}
