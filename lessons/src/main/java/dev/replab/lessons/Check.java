package dev.replab.lessons;

import dev.replab.engine.Executed;
import dev.replab.engine.command.Result;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * A property of one command's result that a lesson asserts. Each check says what it expected and
 * what it saw as phrases, so a report reads "expected a stale read, but the read returned the
 * newest value 1".
 */
public sealed interface Check
    permits Check.Accepted,
        Check.OutcomeIs,
        Check.Stale,
        Check.Value,
        Check.BehindEntries,
        Check.LatencyAtLeast,
        Check.LatencyAtMost,
        Check.FellBack,
        Check.AckedByIncludes,
        Check.LeaderIs,
        Check.ModeContains,
        Check.TextContains,
        Check.LostWrites,
        Check.Findings,
        Check.FoundBy,
        Check.ThroughputRatioAtLeast,
        Check.ThroughputRatioAtMost,
        Check.StalePercentAtLeast,
        Check.StalePercentAtMost,
        Check.LagEntriesAtMost,
        Check.LagMsAtLeast,
        Check.LagMsAtMost,
        Check.ReplayAgeMsAtLeast,
        Check.ReplayAgeMsAtMost,
        Check.FollowersFollow {

  /** The key that writes this check in a lesson file. */
  String key();

  /** What the lesson expects, as a phrase: "a stale read". */
  String expected();

  /** Whether {@code executed} satisfies the check, and what it showed. */
  Observation observe(Executed executed);

  /**
   * The sentence for a check that held. The command's output is printed above it, so by default it
   * only restates the expectation; checks whose number matters add what they saw.
   */
  default String confirmed(Observation observation) {
    return expected();
  }

  /**
   * What a check saw.
   *
   * @param passed whether the expectation holds
   * @param actual what happened, as a phrase: "the read returned the newest value 1"
   */
  record Observation(boolean passed, String actual) {}

  /** {@code ok}: the command was accepted (true) or rejected with an error (false). */
  record Accepted(boolean ok) implements Check {
    public String key() {
      return "ok";
    }

    public String expected() {
      return ok ? "the command to be accepted" : "the command to be rejected";
    }

    public Observation observe(Executed executed) {
      return new Observation(
          executed.ok() == ok,
          executed.ok() ? "it was accepted" : "it was rejected: " + executed.error());
    }
  }

  /** {@code outcome}: how a read, write or delete ended: ok, fail or unknown. */
  record OutcomeIs(String outcome) implements Check {
    public String key() {
      return "outcome";
    }

    public String expected() {
      return "outcome " + outcome;
    }

    public Observation observe(Executed executed) {
      String actual;
      String error;
      if (executed.result() instanceof Result.ReadDone read) {
        actual = read.outcome();
        error = read.failure();
      } else if (executed.result() instanceof Result.WriteDone write) {
        actual = write.outcome();
        error = write.failure();
      } else {
        return notApplicable(executed, "a read, write or delete");
      }
      return new Observation(
          actual.equals(outcome),
          "the outcome was " + actual + (error == null ? "" : " (" + error + ")"));
    }
  }

  /** {@code stale}: a read returned an older value than one already committed. */
  record Stale(boolean stale) implements Check {
    public String key() {
      return "stale";
    }

    public String expected() {
      return stale ? "a stale read" : "a read that is not stale";
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.ReadDone read)) {
        return notApplicable(executed, "a read");
      }
      if (!read.outcome().equals("ok")) {
        return new Observation(false, "the read did not complete (" + read.failure() + ")");
      }
      String actual =
          read.stale()
              ? "the read returned "
                  + shown(read.value())
                  + " while "
                  + shown(read.latest())
                  + " was already committed"
              : "the read returned " + shown(read.value()) + ", which is not stale";
      return new Observation(read.stale() == stale, actual);
    }
  }

  /** {@code value}: what a read returned; null means the key had no value on that node. */
  record Value(String value) implements Check {
    public String key() {
      return "value";
    }

    public String expected() {
      return value == null ? "no value" : "the value " + shown(value);
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.ReadDone read)) {
        return notApplicable(executed, "a read");
      }
      if (!read.outcome().equals("ok")) {
        return new Observation(false, "the read did not complete (" + read.failure() + ")");
      }
      boolean same = value == null ? read.value() == null : value.equals(read.value());
      return new Observation(same, "the read returned " + shown(read.value()));
    }
  }

  /** {@code behind_entries}: how many committed entries a stale read's node was missing. */
  record BehindEntries(long entries) implements Check {
    public String key() {
      return "behind_entries";
    }

    public String expected() {
      return "a node " + entries(entries) + " behind";
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.ReadDone read)) {
        return notApplicable(executed, "a read");
      }
      return new Observation(
          read.behindEntries() == entries,
          read.node() + " was " + entries(read.behindEntries()) + " behind");
    }

    private static String entries(long n) {
      return n + (n == 1 ? " entry" : " entries");
    }
  }

  /** {@code latency_ms_at_least}: a read, write or delete took at least this long. */
  record LatencyAtLeast(double ms) implements Check {
    public String key() {
      return "latency_ms_at_least";
    }

    public String expected() {
      return "a latency of at least " + number(ms) + " ms";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      Double latencyMs = latencyMs(executed);
      if (latencyMs == null) {
        return notApplicable(executed, "a read, write or delete");
      }
      return new Observation(latencyMs >= ms, "it took " + number(latencyMs) + " ms");
    }
  }

  /** {@code latency_ms_at_most}: a read, write or delete took at most this long. */
  record LatencyAtMost(double ms) implements Check {
    public String key() {
      return "latency_ms_at_most";
    }

    public String expected() {
      return "a latency of at most " + number(ms) + " ms";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      Double latencyMs = latencyMs(executed);
      if (latencyMs == null) {
        return notApplicable(executed, "a read, write or delete");
      }
      return new Observation(latencyMs <= ms, "it took " + number(latencyMs) + " ms");
    }
  }

  /** {@code fell_back}: the leader gave up waiting for acknowledgements and went asynchronous. */
  record FellBack(boolean fellBack) implements Check {
    public String key() {
      return "fell_back";
    }

    public String expected() {
      return fellBack
          ? "the leader to fall back to asynchronous replication"
          : "no fallback to asynchronous replication";
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.WriteDone write)) {
        return notApplicable(executed, "a write or delete");
      }
      return new Observation(
          write.fellBack() == fellBack,
          write.fellBack() ? "the leader fell back" : "the leader did not fall back");
    }
  }

  /** {@code acked_by_includes}: these followers are among those that acknowledged a write. */
  record AckedByIncludes(List<String> nodes) implements Check {
    public AckedByIncludes {
      nodes = List.copyOf(nodes);
    }

    public String key() {
      return "acked_by_includes";
    }

    public String expected() {
      return "acknowledgements from " + String.join(", ", nodes);
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.WriteDone write)) {
        return notApplicable(executed, "a write or delete");
      }
      String actual =
          write.ackedBy().isEmpty()
              ? "no follower acknowledged it"
              : "it was acknowledged by " + String.join(", ", write.ackedBy());
      return new Observation(write.ackedBy().containsAll(nodes), actual);
    }
  }

  /** {@code leader}: {@code status} names this node as the leader; null means none. */
  record LeaderIs(String node) implements Check {
    public String key() {
      return "leader";
    }

    public String expected() {
      return node == null ? "no leader" : "leader " + node;
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.Status status)) {
        return notApplicable(executed, "status");
      }
      boolean same = node == null ? status.leader() == null : node.equals(status.leader());
      return new Observation(
          same,
          status.leader() == null ? "there was no leader" : "the leader was " + status.leader());
    }
  }

  /**
   * {@code mode_contains}: the leader's commit mode, as {@code status} shows it, contains this
   * text.
   */
  record ModeContains(String text) implements Check {
    public String key() {
      return "mode_contains";
    }

    public String expected() {
      return "a mode containing '" + text + "'";
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.Status status)) {
        return notApplicable(executed, "status");
      }
      return new Observation(status.mode().contains(text), "the mode was '" + status.mode() + "'");
    }
  }

  /** {@code text_contains}: the command's printed output contains this text. */
  record TextContains(String text) implements Check {
    public String key() {
      return "text_contains";
    }

    public String expected() {
      return "output containing '" + text + "'";
    }

    public Observation observe(Executed executed) {
      boolean contains = executed.text().contains(text);
      return new Observation(
          contains,
          contains
              ? "the output contains '" + text + "'"
              : "the output was: " + firstLine(executed.text()));
    }
  }

  /** {@code lost_writes}: how many operations {@code history} marks as lost by a failover. */
  record LostWrites(int count) implements Check {
    public String key() {
      return "lost_writes";
    }

    public String expected() {
      return count == 1 ? "1 lost write" : count + " lost writes";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.HistoryListing history)) {
        return notApplicable(executed, "history");
      }
      List<String> lost =
          history.operations().stream()
              .filter(op -> op.lost() != null)
              .map(op -> "#" + op.id() + " " + op.kind() + " " + op.key() + "=" + op.value())
              .toList();
      String actual =
          lost.isEmpty()
              ? "history shows no lost write"
              : "history shows " + lost.size() + " lost: " + String.join(", ", lost);
      return new Observation(lost.size() == count, actual);
    }
  }

  /** {@code findings}: how many anomalies a {@code check} reported, over the checkers it ran. */
  record Findings(int count) implements Check {
    public String key() {
      return "findings";
    }

    public String expected() {
      return count == 0 ? "no findings" : count == 1 ? "1 finding" : count + " findings";
    }

    public String confirmed(Observation observation) {
      return observation.actual();
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.CheckReport report)) {
        return notApplicable(executed, "check");
      }
      return new Observation(
          report.findings().size() == count, "check reported " + describeFindings(report));
    }
  }

  /**
   * {@code found_by}: exactly these checkers reported findings, and every other checker that ran
   * found nothing.
   */
  record FoundBy(List<String> checkers) implements Check {
    public FoundBy {
      checkers = List.copyOf(checkers);
    }

    public String key() {
      return "found_by";
    }

    public String expected() {
      return "findings from " + String.join(", ", checkers) + " only";
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.CheckReport report)) {
        return notApplicable(executed, "check");
      }
      Set<String> finders = new TreeSet<>();
      report.findings().forEach(finding -> finders.add(finding.checker()));
      return new Observation(
          finders.equals(new TreeSet<>(checkers)), "check reported " + describeFindings(report));
    }
  }

  /**
   * {@code throughput_ratio_at_least}: a sweep's largest cluster did at least this many times the
   * smallest's throughput.
   */
  record ThroughputRatioAtLeast(double ratio) implements Check {
    public String key() {
      return "throughput_ratio_at_least";
    }

    public String expected() {
      return "throughput growing at least "
          + number(ratio)
          + "x from the smallest cluster to the largest";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return sweepRatio(executed, ratio -> ratio >= this.ratio);
    }
  }

  /**
   * {@code throughput_ratio_at_most}: a sweep's largest cluster did at most this many times the
   * smallest's throughput.
   */
  record ThroughputRatioAtMost(double ratio) implements Check {
    public String key() {
      return "throughput_ratio_at_most";
    }

    public String expected() {
      return "throughput growing at most "
          + number(ratio)
          + "x from the smallest cluster to the largest";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return sweepRatio(executed, ratio -> ratio <= this.ratio);
    }
  }

  /** {@code stale_percent_at_least}: at least this share of a workload's reads were stale. */
  record StalePercentAtLeast(double percent) implements Check {
    public String key() {
      return "stale_percent_at_least";
    }

    public String expected() {
      return "at least " + number(percent) + "% stale reads";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return stalePercent(executed, percent -> percent >= this.percent);
    }
  }

  /** {@code stale_percent_at_most}: at most this share of a workload's reads were stale. */
  record StalePercentAtMost(double percent) implements Check {
    public String key() {
      return "stale_percent_at_most";
    }

    public String expected() {
      return "at most " + number(percent) + "% stale reads";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return stalePercent(executed, percent -> percent <= this.percent);
    }
  }

  /**
   * {@code lag_entries_at_most}: in {@code lag}, no follower has more than this many entries left
   * to apply.
   */
  record LagEntriesAtMost(long entries) implements Check {
    public String key() {
      return "lag_entries_at_most";
    }

    public String expected() {
      return entries == 0
          ? "every follower caught up"
          : "no follower more than " + entries + (entries == 1 ? " entry" : " entries") + " behind";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return worstFollower(
          executed,
          Result.LagRow::appliedLag,
          lag -> lag <= entries,
          row ->
              row.appliedLag() == 0
                  ? "no follower has anything left to apply"
                  : row.id()
                      + " is "
                      + row.appliedLag()
                      + (row.appliedLag() == 1 ? " entry" : " entries")
                      + " behind");
    }
  }

  /**
   * {@code lag_ms_at_least}: in {@code lag}, some follower has been missing a write for at least
   * this long.
   */
  record LagMsAtLeast(double ms) implements Check {
    public String key() {
      return "lag_ms_at_least";
    }

    public String expected() {
      return "a follower lagging at least " + number(ms) + " ms";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return worstFollower(
          executed,
          Result.LagRow::lagMs,
          lag -> lag >= ms,
          row -> row.id() + " lags " + number(row.lagMs()) + " ms");
    }
  }

  /**
   * {@code lag_ms_at_most}: in {@code lag}, no follower has been missing a write for longer than
   * this.
   */
  record LagMsAtMost(double ms) implements Check {
    public String key() {
      return "lag_ms_at_most";
    }

    public String expected() {
      return "no follower lagging more than " + number(ms) + " ms";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return worstFollower(
          executed,
          Result.LagRow::lagMs,
          lag -> lag <= ms,
          row -> row.id() + " lags " + number(row.lagMs()) + " ms");
    }
  }

  /**
   * {@code replay_age_ms_at_least}: in {@code lag}, some follower's last replayed write is at least
   * this old, PostgreSQL's {@code now() - pg_last_xact_replay_timestamp()}.
   */
  record ReplayAgeMsAtLeast(double ms) implements Check {
    public String key() {
      return "replay_age_ms_at_least";
    }

    public String expected() {
      return "a replay age of at least " + number(ms) + " ms";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return worstFollower(
          executed,
          Result.LagRow::replayLagMs,
          age -> age >= ms,
          row -> row.id() + " last replayed a write made " + number(row.replayLagMs()) + " ms ago");
    }
  }

  /**
   * {@code replay_age_ms_at_most}: in {@code lag}, no follower's last replayed write is older than
   * this.
   */
  record ReplayAgeMsAtMost(double ms) implements Check {
    public String key() {
      return "replay_age_ms_at_most";
    }

    public String expected() {
      return "a replay age of at most " + number(ms) + " ms";
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      return worstFollower(
          executed,
          Result.LagRow::replayLagMs,
          age -> age <= ms,
          row -> row.id() + " last replayed a write made " + number(row.replayLagMs()) + " ms ago");
    }
  }

  /**
   * {@code followers_follow}: in {@code status}, every running node other than this one follows it.
   */
  record FollowersFollow(String node) implements Check {
    public String key() {
      return "followers_follow";
    }

    public String expected() {
      return "every running node following " + node;
    }

    public String confirmed(Observation observation) {
      return expected() + ": " + observation.actual();
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.Status status)) {
        return notApplicable(executed, "status");
      }
      List<Result.NodeRow> others =
          status.nodes().stream().filter(row -> row.up() && !row.id().equals(node)).toList();
      if (others.isEmpty()) {
        return new Observation(
            false, "no running node other than " + node + " is left to follow it");
      }
      boolean all = others.stream().allMatch(row -> node.equals(row.leader()));
      String actual =
          others.stream()
              .map(
                  row ->
                      row.id()
                          + (row.leader() == null ? " follows no one" : " follows " + row.leader()))
              .collect(Collectors.joining(", "));
      return new Observation(all, actual);
    }
  }

  private static Observation notApplicable(Executed executed, String needs) {
    if (!executed.ok()) {
      return new Observation(false, "the command was rejected: " + executed.error());
    }
    return new Observation(
        false, "this applies to " + needs + ", and '" + executed.command() + "' is not one");
  }

  private static String describeFindings(Result.CheckReport report) {
    if (report.findings().isEmpty()) {
      return "no findings";
    }
    Map<String, Integer> perChecker = new TreeMap<>();
    report.findings().forEach(finding -> perChecker.merge(finding.checker(), 1, Integer::sum));
    int n = report.findings().size();
    String findings = n + (n == 1 ? " finding" : " findings");
    if (perChecker.size() == 1) {
      return findings + " from " + perChecker.keySet().iterator().next();
    }
    return findings
        + ": "
        + perChecker.entrySet().stream()
            .map(e -> e.getValue() + " from " + e.getKey())
            .collect(Collectors.joining(", "));
  }

  private static Observation sweepRatio(Executed executed, DoublePredicate holds) {
    if (!(executed.result() instanceof Result.SweepTable sweep)) {
      return notApplicable(executed, "sweep");
    }
    if (sweep.rows().size() < 2) {
      return new Observation(
          false,
          "the sweep has " + sweep.rows().size() + " cluster size; a ratio needs at least two");
    }
    Result.SweepRow first = sweep.rows().get(0);
    Result.SweepRow last = sweep.rows().get(sweep.rows().size() - 1);
    double ratio = last.throughputOpsS() / first.throughputOpsS();
    String actual =
        String.format(
            Locale.ROOT,
            "%.0f ops/s with %d %s, %.0f ops/s with %d, %.2fx",
            first.throughputOpsS(),
            first.replicas(),
            first.replicas() == 1 ? "replica" : "replicas",
            last.throughputOpsS(),
            last.replicas(),
            ratio);
    return new Observation(holds.test(ratio), actual);
  }

  private static Observation stalePercent(Executed executed, DoublePredicate holds) {
    if (!(executed.result() instanceof Result.LoadDone load)) {
      return notApplicable(executed, "load");
    }
    if (load.reads() == 0) {
      return new Observation(false, "the workload made no reads");
    }
    double percent = 100 * load.staleShare();
    return new Observation(
        holds.test(percent),
        String.format(Locale.ROOT, "%.1f%% of %d reads were stale", percent, load.reads()));
  }

  /**
   * Judges the follower with the largest value of {@code measure}, as an alert on the worst replica
   * would.
   */
  private static Observation worstFollower(
      Executed executed,
      ToDoubleFunction<Result.LagRow> measure,
      DoublePredicate holds,
      Function<Result.LagRow, String> describe) {
    if (!(executed.result() instanceof Result.Lag lag)) {
      return notApplicable(executed, "lag");
    }
    if (lag.followers().isEmpty()) {
      return new Observation(
          false, "there was no follower to measure: " + firstLine(executed.text()));
    }
    Result.LagRow worst =
        lag.followers().stream().max(Comparator.comparingDouble(measure)).orElseThrow();
    return new Observation(holds.test(measure.applyAsDouble(worst)), describe.apply(worst));
  }

  private static Double latencyMs(Executed executed) {
    if (executed.result() instanceof Result.ReadDone read) {
      return read.latencyMs();
    }
    if (executed.result() instanceof Result.WriteDone write) {
      return write.latencyMs();
    }
    return null;
  }

  private static String shown(String value) {
    return value == null ? "no value" : "'" + value + "'";
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline) + " ...";
  }
}
