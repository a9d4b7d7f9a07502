package dev.replab.engine.command;

import dev.replab.engine.load.LoadReport;
import dev.replab.engine.load.Percentiles;
import dev.replab.engine.load.Workload;
import dev.replab.engine.sim.Durations;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human rendering of {@code load} and {@code sweep}. */
final class LoadText {
  private LoadText() {}

  static String describe(Workload workload, LoadReport report) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "load: %d operations (%d%% reads, %d %s%s) from %d %s%s, reads %s via %s%n",
            report.ops(),
            workload.readPercent(),
            workload.keys(),
            workload.keys() == 1 ? "key" : "keys",
            workload.zipf() ? ", zipf" : "",
            workload.clients(),
            workload.clients() == 1 ? "client" : "clients",
            workload.ratePerSecond() > 0
                ? String.format(Locale.ROOT, " at %.0f/s", workload.ratePerSecond())
                : " (closed loop)",
            workload.consistency().word(),
            workload.policy()));
    double rate = report.throughputOpsPerSecond();
    text.append(
        String.format(
            Locale.ROOT,
            rate < 10 ? "  took %s simulated: %.2f ops/s" : "  took %s simulated: %.0f ops/s",
            Durations.format(Math.round(report.elapsedMs() * 1_000)),
            rate));
    if (report.failed() > 0) {
      text.append(", ").append(report.failed()).append(" failed or unknown");
    }
    text.append('\n');
    if (report.answeredPerTick().size() > 1) {
      java.util.List<Double> perTick =
          report.answeredPerTick().stream().map(count -> (double) count).toList();
      text.append("  throughput over the run: ")
          .append(dev.replab.engine.render.Sparkline.of(perTick, 40, true))
          .append('\n');
    }
    if (report.reads() > 0) {
      text.append(latencyLine("reads ", report.readLatency()));
      text.append(
          String.format(
              Locale.ROOT,
              "  stale %.1f%% (%d of %d older than the newest committed value when answered)%n",
              100 * report.staleShare(),
              report.staleReads(),
              report.reads()));
    }
    if (report.writes() > 0) {
      text.append(latencyLine("writes", report.writeLatency())).append('\n');
    }
    text.append("  anomalies in this run: ")
        .append(
            report.anomalies().isEmpty()
                ? "not checked (check=off)"
                : anomalies(report.anomalies()))
        .append('\n');
    text.append(
        report.maxLagEntries() == 0
            ? "  followers never fell behind by a whole entry when sampled"
            : String.format(
                Locale.ROOT,
                "  max lag: %d entries, %.1fms (%s)",
                report.maxLagEntries(),
                report.maxLagMs(),
                report.maxLagNode()));
    return text.toString();
  }

  private static String latencyLine(String label, Percentiles p) {
    return String.format(
        Locale.ROOT,
        "  %s p50 %7.2fms  p95 %7.2fms  p99 %7.2fms",
        label,
        p.p50Ms(),
        p.p95Ms(),
        p.p99Ms());
  }

  private static String anomalies(Map<String, Integer> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (checker, count) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(checker)
                .append(' ')
                .append(count < 0 ? "inconclusive" : String.valueOf(count)));
    return text.toString();
  }

  static String sweep(Workload workload, long serviceUs, List<Result.SweepRow> rows) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "sweep: %d%% reads, %d clients, reads via %s, each node serves one request per %s%n",
            workload.readPercent(),
            workload.clients(),
            workload.policy(),
            Durations.format(serviceUs)));
    text.append(
        String.format(
            Locale.ROOT,
            "%8s %12s %10s %10s %10s %10s %7s%n",
            "replicas",
            "ops/s",
            "read p50",
            "read p99",
            "write p50",
            "write p99",
            "stale"));
    double first = rows.isEmpty() ? 0 : rows.get(0).throughputOpsS();
    double best = rows.stream().mapToDouble(Result.SweepRow::throughputOpsS).max().orElse(0);
    for (Result.SweepRow row : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%8d %12.0f %8.2fms %8.2fms %8.2fms %8.2fms %6.1f%%  %s%n",
              row.replicas(),
              row.throughputOpsS(),
              row.readP50Ms(),
              row.readP99Ms(),
              row.writeP50Ms(),
              row.writeP99Ms(),
              100 * row.staleShare(),
              dev.replab.engine.render.Sparkline.bar(row.throughputOpsS(), best, 20, true)));
    }
    if (rows.size() > 1 && first > 0) {
      Result.SweepRow last = rows.get(rows.size() - 1);
      text.append(
          String.format(
              Locale.ROOT,
              "throughput with %d replicas is %.1fx that with %d",
              last.replicas(),
              last.throughputOpsS() / first,
              rows.get(0).replicas()));
    }
    return text.toString().stripTrailing();
  }
}
