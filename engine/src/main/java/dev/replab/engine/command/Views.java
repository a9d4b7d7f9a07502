package dev.replab.engine.command;

import dev.replab.engine.check.Checker;
import dev.replab.engine.check.Checkers;
import dev.replab.engine.check.Finding;
import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.history.Operation;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The views every model shares: the history of operations and the checkers' verdicts. */
final class Views {
  static final int SHOWN_FINDINGS = 10;

  private Views() {}

  static Result history(Cluster cluster, Command.History filter) {
    List<Operation> every = cluster.history().operations();
    List<Operation> all = new ArrayList<>();
    for (Operation op : every) {
      if (filter.matches(op)) {
        all.add(op);
      }
    }
    if (filter.last() > 0 && all.size() > filter.last()) {
      all = all.subList(all.size() - filter.last(), all.size());
    }
    // Events belong to the whole cluster: shown beside the whole history or its last operations.
    boolean withEvents =
        filter.key() == null
            && filter.client() == null
            && filter.node() == null
            && filter.outcome() == null
            && filter.kind() == null;
    long sinceUs = filter.last() > 0 && !all.isEmpty() ? all.get(0).invokeUs() : Long.MIN_VALUE;
    List<Cluster.ClusterEvent> shownEvents =
        withEvents
            ? cluster.events().stream().filter(e -> e.atUs() >= sinceUs).toList()
            : List.of();
    List<Result.OpRow> ops = new ArrayList<>();
    for (Operation op : all) {
      ops.add(
          new Result.OpRow(
              op.id(),
              op.client(),
              op.kind().name().toLowerCase(Locale.ROOT),
              op.key(),
              op.isWrite() ? op.written() : op.value(),
              op.node(),
              Durations.toMs(op.invokeUs()),
              op.completeUs() < 0 ? -1 : Durations.toMs(op.completeUs()),
              Executor.outcomeName(op),
              op.version(),
              op.epoch(),
              op.stale(),
              op.lost(),
              op.error()));
    }
    List<Result.EventRow> events =
        shownEvents.stream()
            .map(e -> new Result.EventRow(Durations.toMs(e.atUs()), e.node(), e.text()))
            .toList();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%-4s %-8s %-9s %-22s %-4s %s%n",
            "op",
            "invoked",
            "completed",
            "operation",
            "node",
            "outcome"));
    int eventIndex = 0;
    for (Operation op : all) {
      while (eventIndex < shownEvents.size()
          && shownEvents.get(eventIndex).atUs() <= op.invokeUs()) {
        appendEvent(text, shownEvents.get(eventIndex++));
      }
      text.append(op.describe()).append('\n');
    }
    while (eventIndex < shownEvents.size()) {
      appendEvent(text, shownEvents.get(eventIndex++));
    }
    if (every.isEmpty()) {
      text.append("(no client operations yet)\n");
    } else if (filter.filtered()) {
      text.append(
          all.size()
              + " of "
              + every.size()
              + " operations"
              + (withEvents ? "" : "; cluster events are left out while operations are filtered")
              + "\n");
    }
    return new Result.HistoryListing(ops, events, text.toString().stripTrailing());
  }

  private static void appendEvent(StringBuilder text, Cluster.ClusterEvent event) {
    text.append("  -- ")
        .append(Durations.format(event.atUs()))
        .append("  ")
        .append(event.text())
        .append('\n');
  }

  static Result check(Cluster cluster, Command.Check command) {
    List<Checker> checkers =
        command.checker() == null
            ? Checkers.all()
            : command.checker().equals("linearizability")
                ? List.of(
                    dev.replab.engine.check.Linearizability.withBudget(
                        command.budgetUs() == null
                            ? dev.replab.engine.check.Linearizability.DEFAULT_BUDGET_US
                            : command.budgetUs(),
                        command.key()))
                : List.of(Checkers.named(command.checker()));
    RunRecord record = cluster.runRecord();
    List<Result.FindingRow> findings = new ArrayList<>();
    List<Result.CheckerVerdict> verdicts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean inconclusive = false;
    for (Checker checker : checkers) {
      String notApplicable = checker.notApplicable(record);
      if (notApplicable != null) {
        verdicts.add(new Result.CheckerVerdict(checker.name(), "n/a", notApplicable));
        text.append(checker.name()).append(": does not apply: ").append(notApplicable).append('\n');
        continue;
      }
      try {
        List<Finding> found = checker.check(record);
        int shown = 0;
        for (Finding finding : found) {
          findings.add(
              new Result.FindingRow(
                  finding.checker(),
                  finding.kind(),
                  finding.key(),
                  finding.ops(),
                  finding.explanation()));
          if (shown++ < Views.SHOWN_FINDINGS) {
            text.append(checker.name()).append(": ").append(finding.explanation()).append('\n');
          }
        }
        if (found.size() > Views.SHOWN_FINDINGS) {
          text.append(checker.name())
              .append(": ... and ")
              .append(found.size() - Views.SHOWN_FINDINGS)
              .append(" more like these\n");
        }
        verdicts.add(
            new Result.CheckerVerdict(checker.name(), found.isEmpty() ? "ok" : "anomalies", null));
        if (found.isEmpty()) {
          text.append(checker.name())
              .append(": ok (")
              .append(checker.describe())
              .append(": none)\n");
        }
      } catch (Checker.Inconclusive e) {
        inconclusive = true;
        verdicts.add(new Result.CheckerVerdict(checker.name(), "inconclusive", e.getMessage()));
        text.append(checker.name()).append(": inconclusive: ").append(e.getMessage()).append('\n');
      }
    }
    String verdict = !findings.isEmpty() ? "anomalies" : inconclusive ? "inconclusive" : "ok";
    text.append("verdict: ")
        .append(verdict)
        .append(
            findings.isEmpty()
                ? ""
                : " (" + findings.size() + (findings.size() == 1 ? " finding)" : " findings)"));
    return new Result.CheckReport(findings, verdicts, verdict, text.toString());
  }
}
