package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds reads that miss a write their client had already seen, directly or through a write that
 * depended on it: an effect seen before its cause, such as an answer read before its question, or
 * an update applied before the insert it changes.
 *
 * <p>What a client has seen is its own acknowledged writes and the writes its reads returned; a
 * write depends on everything its client had seen when it began. A read of a key must return that
 * write or one that depended on it. Writes that last write wins threw away are left to {@code
 * lost-updates}.
 */
public final class Causal implements Checker {
  /** The longest history it follows: every client's seen set grows with the run. */
  static final int MOST_OPERATIONS = 20_000;

  @Override
  public String name() {
    return "causal";
  }

  @Override
  public String describe() {
    return "a read missing a write its client had seen, directly or through a write that depended on it";
  }

  @Override
  public String notApplicable(RunRecord record) {
    return record.readFrom().isEmpty()
        ? "no read here says which writes it returned (multi-leader reads do); consistent-prefix"
            + " checks what a single log allows"
        : null;
  }

  @Override
  public List<Finding> check(RunRecord record) throws Inconclusive {
    List<Operation> operations = record.operations();
    if (operations.size() > MOST_OPERATIONS) {
      throw new Inconclusive(
          "causal follows histories of up to "
              + MOST_OPERATIONS
              + " operations; this one has "
              + operations.size());
    }
    Map<Long, Operation> byId = new HashMap<>();
    for (Operation op : operations) {
      byId.put(op.id(), op);
    }
    Set<Long> overwritten = new HashSet<>();
    for (RunRecord.Overwrite overwrite : record.overwrites()) {
      overwritten.add(overwrite.lostOpId());
    }
    Map<Long, Set<Long>> deps = new HashMap<>();
    Map<String, Set<Long>> seen = new HashMap<>();
    Map<String, Map<Long, Long>> through = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Operation op : operations) {
      Set<Long> mine = seen.computeIfAbsent(op.client(), c -> new HashSet<>());
      Map<Long, Long> via = through.computeIfAbsent(op.client(), c -> new HashMap<>());
      if (op.isWrite()) {
        deps.put(op.id(), Set.copyOf(mine));
        if (op.outcome() == Outcome.OK) {
          mine.add(op.id());
        }
        continue;
      }
      List<Long> returned = record.readFrom().get(op.id());
      if (op.outcome() != Outcome.OK || returned == null) {
        continue;
      }
      Finding finding = missed(op, returned, mine, via, deps, byId, overwritten, record);
      if (finding != null) {
        findings.add(finding);
      }
      for (long write : returned) {
        if (mine.add(write)) {
          via.put(write, op.id());
        }
        for (long dep : deps.getOrDefault(write, Set.of())) {
          if (mine.add(dep)) {
            via.put(dep, op.id());
          }
        }
      }
    }
    return findings;
  }

  private Finding missed(
      Operation read,
      List<Long> returned,
      Set<Long> seen,
      Map<Long, Long> via,
      Map<Long, Set<Long>> deps,
      Map<Long, Operation> byId,
      Set<Long> overwritten,
      RunRecord record) {
    for (long id : seen) {
      Operation write = byId.get(id);
      if (write == null
          || !write.key().equals(read.key())
          || overwritten.contains(id)
          || covered(id, returned, deps)) {
        continue;
      }
      Long cameThrough = via.get(id);
      Operation carrier = cameThrough == null ? null : byId.get(cameThrough);
      String how;
      if (carrier == null) {
        how = "had written " + written(write) + " (op #" + write.id() + ")";
      } else if (record.readFrom().getOrDefault(carrier.id(), List.of()).contains(id)) {
        how = "had read " + read(carrier) + " (op #" + carrier.id() + ")";
      } else {
        how =
            "had read "
                + read(carrier)
                + " (op #"
                + carrier.id()
                + "), written by a client that had seen "
                + written(write);
      }
      return new Finding(
          name(),
          "effect-before-cause",
          read.key(),
          carrier == null ? List.of(id, read.id()) : List.of(id, carrier.id(), read.id()),
          read.client()
              + " "
              + how
              + ", yet its read of "
              + read.key()
              + " (op #"
              + read.id()
              + ") returned "
              + (read.value() == null ? "nothing" : read.value())
              + " without "
              + written(write)
              + " (op #"
              + write.id()
              + "): it saw an effect before its cause");
    }
    return null;
  }

  private static boolean covered(long write, List<Long> returned, Map<Long, Set<Long>> deps) {
    for (long r : returned) {
      if (r == write || deps.getOrDefault(r, Set.of()).contains(write)) {
        return true;
      }
    }
    return false;
  }

  private static String read(Operation op) {
    return op.key() + "=" + (op.value() == null ? "(none)" : op.value());
  }

  private static String written(Operation write) {
    return write.written() == null
        ? "the delete of " + write.key()
        : write.key() + "=" + write.written();
  }
}
