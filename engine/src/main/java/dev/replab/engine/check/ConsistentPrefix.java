package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds clients that saw an effect before its cause: after reading a write at some log offset, a
 * read of another key returned a version older than a write that comes earlier in the log, so what
 * the client saw was not a prefix of the log (an answer before its question).
 */
public final class ConsistentPrefix implements Checker {
  @Override
  public String name() {
    return "consistent-prefix";
  }

  @Override
  public String describe() {
    return "a client seeing a later write while missing an earlier one on another key";
  }

  @Override
  public List<Finding> check(RunRecord record) throws Inconclusive {
    Versions.requireTotalOrder(record);
    Map<String, List<RunRecord.Commit>> byKey = new HashMap<>();
    for (RunRecord.Commit commit : record.commits()) {
      if (commit.lostUs() < 0) {
        byKey.computeIfAbsent(commit.key(), k -> new ArrayList<>()).add(commit);
      }
    }
    Comparator<RunRecord.Commit> order =
        Comparator.comparingInt(RunRecord.Commit::epoch)
            .thenComparingLong(RunRecord.Commit::offset);
    byKey.values().forEach(list -> list.sort(order));
    List<Finding> findings = new ArrayList<>();
    for (List<Operation> ops : ReadYourWrites.byClient(record.operations()).values()) {
      Operation furthest = null;
      for (Operation op : ops) {
        if (op.kind() != Operation.Kind.READ || op.outcome() != Outcome.OK) {
          continue;
        }
        if (furthest != null && !furthest.key().equals(op.key())) {
          RunRecord.Commit cause =
              newestAtOrBefore(
                  byKey.getOrDefault(op.key(), List.of()), furthest.epoch(), furthest.version());
          if (cause != null && cause.newerThan(op.epoch(), op.version())) {
            findings.add(
                new Finding(
                    name(),
                    "effect-before-cause",
                    op.key(),
                    List.of(furthest.id(), op.id(), cause.opId()),
                    op.client()
                        + " read "
                        + Versions.seen(record, furthest)
                        + " (op #"
                        + furthest.id()
                        + ") and then "
                        + Versions.read(op)
                        + " returned "
                        + Versions.seen(record, op)
                        + ", although "
                        + op.key()
                        + "="
                        + cause.value()
                        + " ("
                        + Versions.position(record, cause.offset())
                        + ", op #"
                        + cause.opId()
                        + (record.shape().timestamps()
                            ? ") has an earlier timestamp: it saw an effect before its cause"
                            : ") comes earlier in the log: it saw an effect before its cause")));
          }
        }
        if (furthest == null || Versions.newer(op, furthest)) {
          furthest = op;
        }
      }
    }
    return findings;
  }

  /** The newest commit of a key at or before (epoch, offset), by binary search. */
  private static RunRecord.Commit newestAtOrBefore(
      List<RunRecord.Commit> commits, int epoch, long offset) {
    int low = 0;
    int high = commits.size() - 1;
    RunRecord.Commit found = null;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      RunRecord.Commit commit = commits.get(middle);
      if (commit.newerThan(epoch, offset)) {
        high = middle - 1;
      } else {
        found = commit;
        low = middle + 1;
      }
    }
    return found;
  }
}
