package dev.replab.engine.leaderfollower;

import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.net.Traffic;
import dev.replab.engine.render.Timeline;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code why} on a leader-follower cluster: where an operation went and what decided it. */
final class Why {
  private Why() {}

  static Result explain(LeaderFollower model, Operation op) {
    List<String> reasons = new ArrayList<>();
    reasons.add(op.describe().replaceAll(" {2,}", " "));
    if (op.isWrite()) {
      write(model, op, reasons);
    } else {
      read(model, op, reasons);
    }
    Set<String> columns = new LinkedHashSet<>();
    columns.add(op.client());
    columns.add(op.node());
    for (Node node : model.nodes()) {
      columns.add(node.id());
    }
    long until = op.completeUs() < 0 ? model.sim().nowUs() : op.completeUs();
    String diagram =
        Timeline.around(
            model.cluster(),
            List.copyOf(columns),
            op.invokeUs(),
            until,
            hop ->
                hop.message().requestOpId() == op.id()
                    || hop.message().answersOpId() == op.id()
                    || hop.message().traffic() == Traffic.REPLICATION
                    || op.isWrite() && hop.message().traffic() == Traffic.ACK,
            true);
    String text = String.join("\n", reasons) + "\n" + diagram;
    return new Result.Explanation(op.id(), reasons, diagram, text);
  }

  private static void write(LeaderFollower model, Operation op, List<String> reasons) {
    if (op.outcome() != Outcome.OK) {
      reasons.add(
          "it did not commit: "
              + op.error()
              + (op.outcome() == Outcome.UNKNOWN
                  ? "; the client cannot tell whether it took effect"
                  : "; it surely did not take effect"));
      return;
    }
    reasons.add(
        op.node()
            + " led epoch "
            + op.epoch()
            + ", appended it at offset "
            + op.version()
            + " and committed it"
            + (op.fellBack()
                ? " without its followers: the commit timeout of "
                    + Durations.format(op.fellBackAfterUs())
                    + " ran out and it fell back to asynchronous replication"
                : op.ackedBy().isEmpty()
                    ? " at once: asynchronous replication waits for no follower"
                    : " once " + String.join(", ", op.ackedBy()) + " acknowledged it"));
    if (op.lost() != null) {
      reasons.add("later it was lost: " + op.lost());
    }
  }

  private static void read(LeaderFollower model, Operation op, List<String> reasons) {
    if (op.outcome() != Outcome.OK) {
      reasons.add("it got no answer: " + op.error());
      return;
    }
    LeaderFollower.Staleness stale = model.staleness(op.id());
    String what = op.value() == null ? "nothing" : op.value();
    if (stale == null) {
      reasons.add(
          op.node()
              + " answered "
              + what
              + (op.version() > 0 ? " (offset " + op.version() + ")" : "")
              + " from what it had applied; nothing newer had been committed then");
    } else {
      reasons.add(
          op.node()
              + " answered "
              + what
              + " from what it had applied, but it was stale: "
              + stale.explain());
      reasons.add(
          "a follower answers from its own copy; read from the leader (consistency=leader), or"
              + " carry the client's offset (consistency=read-your-writes) to avoid this");
    }
  }
}
