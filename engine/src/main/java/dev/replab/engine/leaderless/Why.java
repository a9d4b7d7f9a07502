package dev.replab.engine.leaderless;

import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.render.Timeline;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code why} on a leaderless cluster: which replicas a read asked, who answered first with what,
 * the rule that picked the answer, and whether read repair followed.
 */
final class Why {
  private Why() {}

  static Result explain(Leaderless model, Operation op) {
    List<String> reasons = new ArrayList<>();
    reasons.add(op.describe().replaceAll(" {2,}", " "));
    Set<String> columns = new LinkedHashSet<>();
    columns.add(op.client());
    columns.add(op.node());
    long until = op.completeUs() < 0 ? model.sim().nowUs() : op.completeUs();
    if (op.isWrite()) {
      write(model, op, reasons);
      columns.addAll(model.preferenceList(op.key()));
    } else {
      ReadTrace trace = model.trace(op.id());
      if (trace == null) {
        reasons.add(
            "its story is no longer kept: why remembers the last "
                + Leaderless.TRACES_KEPT
                + " reads");
      } else {
        read(model, op, trace, reasons);
        columns.add(trace.coordinator);
        columns.addAll(trace.asked);
        for (ReadTrace.Heard heard : trace.heard) {
          until = Math.max(until, heard.atUs());
        }
      }
    }
    long end = until;
    String coordinator =
        op.isWrite() || model.trace(op.id()) == null ? op.node() : model.trace(op.id()).coordinator;
    String diagram =
        Timeline.around(
            model.cluster(),
            List.copyOf(columns),
            op.invokeUs(),
            end,
            hop ->
                hop.message().requestOpId() == op.id()
                    || hop.message().answersOpId() == op.id()
                    || (hop.source().equals(coordinator) || hop.target().equals(coordinator))
                        && mentions(hop.message().label(), op.key()),
            true);
    return new Result.Explanation(
        op.id(), reasons, diagram, String.join("\n", reasons) + "\n" + diagram);
  }

  private static boolean mentions(String label, String key) {
    return label.contains(" " + key + "=")
        || label.endsWith(" " + key)
        || label.startsWith(key + "=")
        || label.startsWith(key + " ");
  }

  private static void write(Leaderless model, Operation op, List<String> reasons) {
    List<String> preference = model.preferenceList(op.key());
    reasons.add(
        op.node()
            + " coordinated it and sent it to all n="
            + preference.size()
            + " replicas of "
            + op.key()
            + " ("
            + String.join(" ", preference)
            + "), waiting for w="
            + model.w()
            + " acknowledgements");
    if (op.outcome() == Outcome.OK) {
      List<String> acks = model.ackedBy(op.id());
      reasons.add(
          (acks.isEmpty() ? "it completed" : String.join(", ", acks) + " acknowledged first")
              + "; the others get it when their copy arrives, or later by repair");
    } else {
      reasons.add(
          op.outcome().name().toLowerCase(java.util.Locale.ROOT)
              + ": "
              + op.error()
              + (op.outcome() == Outcome.UNKNOWN
                  ? "; a replica that took it keeps it, so reads may still return it"
                  : ""));
    }
  }

  private static void read(Leaderless model, Operation op, ReadTrace trace, List<String> reasons) {
    reasons.add(
        trace.coordinator
            + " coordinated it and asked "
            + String.join(" ", trace.asked)
            + ", answering after the first r="
            + model.r());
    int inTime = 0;
    for (ReadTrace.Heard heard : trace.heard) {
      boolean counted = !heard.late() && inTime < model.r();
      if (counted) {
        inTime++;
      }
      reasons.add(
          "  "
              + heard.node()
              + " answered at "
              + Durations.format(heard.atUs())
              + " with "
              + (heard.version() == null ? "nothing" : heard.version().describe())
              + (counted ? "" : heard.late() ? "  (late: after the answer)" : ""));
    }
    if (trace.hasDecided) {
      reasons.add(rule(model, trace.decided));
    }
    String stale = model.staleWhy(op.id());
    if (stale != null) {
      reasons.add("STALE: " + stale);
    }
    reasons.add(
        !model.settings().readRepair()
            ? "read repair is off, so replicas that answered older stay that way"
            : trace.repaired.isEmpty()
                ? "read repair had nothing to do: every replica that answered held the newest"
                : "read repair sent the newest to " + String.join(", ", trace.repaired));
  }

  private static String rule(Leaderless model, Version decided) {
    if (decided == null) {
      return "no replica that answered had the key, so the read returned nothing";
    }
    if (model.settings().vector()) {
      List<String> values = decided.values();
      return values.size() > 1
          ? "the answers merged into "
              + values.size()
              + " siblings that no version vector orders: the client gets them all, and its next"
              + " write supersedes them"
          : "the answers merged into one version: every other version they held was older by"
              + " its version vector";
    }
    return "the answer is the copy with the highest timestamp ("
        + decided.stamp()
        + "): last write wins, ties going to a delete, then to the greater value";
  }
}
