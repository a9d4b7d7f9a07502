package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds reads that returned a value older than one already committed when the read began. */
public final class StaleReads implements Checker {
  @Override
  public String name() {
    return "stale-read";
  }

  @Override
  public String describe() {
    return "reads older than a write committed before they began";
  }

  @Override
  public List<Finding> check(RunRecord record) throws Inconclusive {
    Versions.requireTotalOrder(record);
    Map<String, List<RunRecord.Commit>> commitsByKey = new HashMap<>();
    for (RunRecord.Commit commit : record.commits()) {
      commitsByKey.computeIfAbsent(commit.key(), k -> new ArrayList<>()).add(commit);
    }
    Map<String, List<Operation>> readsByKey = new TreeMap<>();
    for (Operation op : record.operations()) {
      if (op.kind() == Operation.Kind.READ && op.outcome() == Outcome.OK) {
        readsByKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, List<Operation>> entry : readsByKey.entrySet()) {
      scanKey(
          record, entry.getValue(), commitsByKey.getOrDefault(entry.getKey(), List.of()), findings);
    }
    findings.sort(Comparator.comparing(f -> f.ops().get(0)));
    return findings;
  }

  /** Walks one key's reads in time order beside the commits that became visible before each. */
  private void scanKey(
      RunRecord record,
      List<Operation> reads,
      List<RunRecord.Commit> commits,
      List<Finding> findings) {
    List<RunRecord.Commit> byTime = new ArrayList<>(commits);
    byTime.sort(Comparator.comparingLong(RunRecord.Commit::committedUs));
    List<Operation> ordered = new ArrayList<>(reads);
    ordered.sort(Comparator.comparingLong(Operation::invokeUs).thenComparingLong(Operation::id));
    TreeMap<Long, RunRecord.Commit> visible = new TreeMap<>();
    int next = 0;
    for (Operation read : ordered) {
      while (next < byTime.size() && byTime.get(next).committedUs() < read.invokeUs()) {
        RunRecord.Commit commit = byTime.get(next++);
        visible.put(rank(commit.epoch(), commit.offset()), commit);
      }
      while (!visible.isEmpty() && !visible.lastEntry().getValue().visibleAt(read.invokeUs())) {
        visible.pollLastEntry();
      }
      if (visible.isEmpty()) {
        continue;
      }
      RunRecord.Commit newest = visible.lastEntry().getValue();
      if (newest.newerThan(read.epoch(), read.version())) {
        findings.add(
            new Finding(
                name(),
                "stale",
                read.key(),
                List.of(read.id(), newest.opId()),
                Versions.read(read)
                    + " returned "
                    + Versions.seen(record, read)
                    + ", but "
                    + read.key()
                    + "="
                    + newest.value()
                    + " ("
                    + Versions.position(record, newest.offset())
                    + ", op #"
                    + newest.opId()
                    + ") was committed at "
                    + Durations.format(newest.committedUs())
                    + ", before the read began"));
      }
    }
  }

  private static long rank(int epoch, long offset) {
    return ((long) epoch << 40) | offset;
  }
}
