package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds acknowledged writes that were silently replaced by a write that had never seen them, as
 * last write wins does to one of two concurrent writes (or, with a skewed clock, to the later one).
 */
public final class LostUpdates implements Checker {
  @Override
  public String name() {
    return "lost-updates";
  }

  @Override
  public String describe() {
    return "acknowledged writes silently replaced by a write that had never seen them";
  }

  @Override
  public String notApplicable(RunRecord record) {
    return record.shape().leaders() && record.shape().totalOrder()
        ? "one leader orders every write here, so each write replaces only writes it came after"
        : null;
  }

  @Override
  public List<Finding> check(RunRecord record) {
    Map<Long, Operation> byId = new HashMap<>();
    for (Operation op : record.operations()) {
      byId.put(op.id(), op);
    }
    List<Finding> findings = new ArrayList<>();
    for (RunRecord.Overwrite overwrite : record.overwrites()) {
      Operation lost = byId.get(overwrite.lostOpId());
      Operation winner = byId.get(overwrite.winnerOpId());
      if (lost == null || winner == null) {
        continue;
      }
      findings.add(
          new Finding(
              name(),
              "lost-update",
              overwrite.key(),
              List.of(lost.id(), winner.id()),
              what(lost)
                  + " was acknowledged to "
                  + lost.client()
                  + ", then "
                  + overwrite.where()
                  + " threw it away at "
                  + Durations.format(overwrite.atUs())
                  + " for "
                  + what(winner)
                  + ", which had never seen it: "
                  + overwrite.why()));
    }
    return findings;
  }

  private static String what(Operation op) {
    return (op.written() == null ? "the delete of " + op.key() : op.key() + "=" + op.written())
        + " (op #"
        + op.id()
        + " by "
        + op.client()
        + ")";
  }
}
