package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;

/** Finds writes that a client was told had succeeded but that the current leader no longer has. */
public final class LostWrites implements Checker {
  @Override
  public String name() {
    return "lost-writes";
  }

  @Override
  public String describe() {
    return "acknowledged writes that the current leader's log does not hold";
  }

  @Override
  public List<Finding> check(RunRecord record) throws Inconclusive {
    if (record.shape().notHeld() == null) {
      throw new Inconclusive(record.shape().noHolder());
    }
    List<Finding> findings = new ArrayList<>();
    for (Operation op : record.operations()) {
      if (op.isWrite()
          && op.outcome() == Outcome.OK
          && !record.survivingWrites().contains(op.id())) {
        String what =
            op.written() == null ? "the delete of " + op.key() : op.key() + "=" + op.written();
        findings.add(
            new Finding(
                name(),
                "lost-write",
                op.key(),
                List.of(op.id()),
                what
                    + " (op #"
                    + op.id()
                    + ") was acknowledged by "
                    + op.node()
                    + (op.epoch() > 0 ? " in epoch " + op.epoch() : "")
                    + " at "
                    + Durations.format(op.completeUs())
                    + ", but "
                    + record.shape().notHeld()
                    + (op.lost() != null ? ": " + op.lost() : "")));
      }
    }
    return findings;
  }
}
