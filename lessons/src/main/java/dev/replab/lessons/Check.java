package dev.replab.lessons;

import dev.replab.engine.Executed;
import dev.replab.engine.command.Result;
import java.util.List;
import java.util.Locale;

/**
 * A property of one command's result that a lesson asserts. Each check says what it expected
 * and what it saw as phrases, so a report reads "expected a stale read, but the read returned the
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
        Check.LostWrites {

  /** The key that writes this check in a lesson file. */
  String key();

  /** What the lesson expects, as a phrase: "a stale read". */
  String expected();

  /** Whether {@code executed} satisfies the check, and what it showed. */
  Observation observe(Executed executed);

  /**
   * The sentence for a check that held. The command's output is printed above it, so by default
   * it only restates the expectation; checks whose number matters add what they saw.
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
      return new Observation(executed.ok() == ok, executed.ok() ? "it was accepted" : "it was rejected: " + executed.error());
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
        error = read.error();
      } else if (executed.result() instanceof Result.WriteDone write) {
        actual = write.outcome();
        error = write.error();
      } else {
        return notApplicable(executed, "a read, write or delete");
      }
      return new Observation(actual.equals(outcome), "the outcome was " + actual + (error == null ? "" : " (" + error + ")"));
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
        return new Observation(false, "the read did not complete (" + read.error() + ")");
      }
      String actual = read.stale()
          ? "the read returned " + shown(read.value()) + " while " + shown(read.latest()) + " was already committed"
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
        return new Observation(false, "the read did not complete (" + read.error() + ")");
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
      return new Observation(read.behindEntries() == entries, read.node() + " was " + entries(read.behindEntries()) + " behind");
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
      return fellBack ? "the leader to fall back to asynchronous replication" : "no fallback to asynchronous replication";
    }

    public Observation observe(Executed executed) {
      if (!(executed.result() instanceof Result.WriteDone write)) {
        return notApplicable(executed, "a write or delete");
      }
      return new Observation(write.fellBack() == fellBack, write.fellBack() ? "the leader fell back" : "the leader did not fall back");
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
      String actual = write.ackedBy().isEmpty() ? "no follower acknowledged it" : "it was acknowledged by " + String.join(", ", write.ackedBy());
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
      return new Observation(same, status.leader() == null ? "there was no leader" : "the leader was " + status.leader());
    }
  }

  /** {@code mode_contains}: the leader's commit mode, as {@code status} shows it, contains this text. */
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
      return new Observation(contains, contains ? "the output contains '" + text + "'" : "the output was: " + firstLine(executed.text()));
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
      List<String> lost = history.operations().stream().filter(op -> op.lost() != null)
          .map(op -> "#" + op.id() + " " + op.kind() + " " + op.key() + "=" + op.value()).toList();
      String actual = lost.isEmpty() ? "history shows no lost write" : "history shows " + lost.size() + " lost: " + String.join(", ", lost);
      return new Observation(lost.size() == count, actual);
    }
  }

  private static Observation notApplicable(Executed executed, String needs) {
    if (!executed.ok()) {
      return new Observation(false, "the command was rejected: " + executed.error());
    }
    return new Observation(false, "this applies to " + needs + ", and '" + executed.command() + "' is not one");
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
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline) + " ...";
  }
}
