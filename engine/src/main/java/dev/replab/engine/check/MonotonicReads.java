package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds clients that read a value and later an older one of the same key: time going backwards. */
public final class MonotonicReads implements Checker {
  @Override
  public String name() {
    return "monotonic-reads";
  }

  @Override
  public String describe() {
    return "a client reading a key and later an older version of it";
  }

  @Override
  public List<Finding> check(RunRecord record) throws Inconclusive {
    Versions.requireTotalOrder(record);
    List<Finding> findings = new ArrayList<>();
    for (List<Operation> ops : ReadYourWrites.byClient(record.operations()).values()) {
      Map<String, Operation> newestRead = new HashMap<>();
      for (Operation op : ops) {
        if (op.kind() != Operation.Kind.READ || op.outcome() != Outcome.OK) {
          continue;
        }
        Operation before = newestRead.get(op.key());
        if (before != null && Versions.newer(before, op)) {
          findings.add(
              new Finding(
                  name(),
                  "went-back",
                  op.key(),
                  List.of(before.id(), op.id()),
                  Versions.read(op)
                      + " returned "
                      + Versions.seen(record, op)
                      + ", older than "
                      + Versions.seen(record, before)
                      + " which "
                      + op.client()
                      + " had read from "
                      + before.node()
                      + " earlier (op #"
                      + before.id()
                      + ")"));
        }
        if (before == null || Versions.newer(op, before)) {
          newestRead.put(op.key(), op);
        }
      }
    }
    return findings;
  }
}
