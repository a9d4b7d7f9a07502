package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds clients that did not see their own acknowledged write in a later read of the same key. */
public final class ReadYourWrites implements Checker {
  @Override
  public String name() {
    return "read-your-writes";
  }

  @Override
  public String describe() {
    return "reads that miss the same client's earlier acknowledged write";
  }

  @Override
  public List<Finding> check(RunRecord record) throws Inconclusive {
    Versions.requireTotalOrder(record);
    List<Finding> findings = new ArrayList<>();
    for (List<Operation> ops : byClient(record.operations()).values()) {
      Map<String, Operation> lastWrite = new HashMap<>();
      for (Operation op : ops) {
        if (op.outcome() != Outcome.OK) {
          continue;
        }
        if (op.isWrite()) {
          if (op.lost() == null) {
            lastWrite.put(op.key(), op);
          }
          continue;
        }
        Operation write = lastWrite.get(op.key());
        if (write != null && write.completeUs() <= op.invokeUs() && Versions.newer(write, op)) {
          findings.add(
              new Finding(
                  name(),
                  "missed-own-write",
                  op.key(),
                  List.of(write.id(), op.id()),
                  Versions.read(op)
                      + " returned "
                      + Versions.seen(record, op)
                      + ", but "
                      + op.client()
                      + " had already written "
                      + op.key()
                      + "="
                      + write.written()
                      + " ("
                      + Versions.position(record, write.version())
                      + ", op #"
                      + write.id()
                      + ") and been told it succeeded"));
        }
      }
    }
    return findings;
  }

  /** Each client's operations in the order it invoked them. */
  static Map<String, List<Operation>> byClient(List<Operation> operations) {
    Map<String, List<Operation>> byClient = new LinkedHashMap<>();
    for (Operation op : operations) {
      byClient.computeIfAbsent(op.client(), c -> new ArrayList<>()).add(op);
    }
    return byClient;
  }
}
