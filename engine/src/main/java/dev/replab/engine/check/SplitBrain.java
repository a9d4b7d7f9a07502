package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds two leaders accepting writes at once: a node that acknowledged a write in an old epoch
 * after another node had already begun to lead a newer one.
 */
public final class SplitBrain implements Checker {
  @Override
  public String name() {
    return "split-brain";
  }

  @Override
  public String describe() {
    return "writes acknowledged by an old leader after a newer leader had taken over";
  }

  @Override
  public String notApplicable(RunRecord record) {
    return record.shape().leaders()
        ? null
        : "this model has no single leader whose place two nodes could both claim";
  }

  @Override
  public List<Finding> check(RunRecord record) {
    Map<String, List<Operation>> byPair = new LinkedHashMap<>();
    Map<String, RunRecord.Term> newerTerm = new LinkedHashMap<>();
    for (Operation op : record.operations()) {
      if (!op.isWrite() || op.outcome() != Outcome.OK) {
        continue;
      }
      for (RunRecord.Term term : record.terms()) {
        if (term.epoch() > op.epoch()
            && term.startUs() < op.completeUs()
            && !term.node().equals(op.node())) {
          String pair = op.node() + "/" + op.epoch() + "/" + term.node() + "/" + term.epoch();
          byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(op);
          newerTerm.putIfAbsent(pair, term);
          break;
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, List<Operation>> entry : byPair.entrySet()) {
      List<Operation> ops = entry.getValue();
      RunRecord.Term term = newerTerm.get(entry.getKey());
      Operation first = ops.get(0);
      List<Long> ids = ops.stream().map(Operation::id).toList();
      findings.add(
          new Finding(
              name(),
              "two-leaders",
              first.key(),
              ids,
              first.node()
                  + " (epoch "
                  + first.epoch()
                  + ") acknowledged "
                  + ops.size()
                  + (ops.size() == 1 ? " write" : " writes")
                  + " ("
                  + String.join(", ", ids.stream().map(id -> "op #" + id).toList())
                  + ") after "
                  + term.node()
                  + " began leading epoch "
                  + term.epoch()
                  + " at "
                  + Durations.format(term.startUs())
                  + ": two leaders accepted writes at once"));
    }
    return findings;
  }
}
