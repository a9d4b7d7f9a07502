package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import java.util.List;
import java.util.Set;

/**
 * What checkers may read about a run: the client operations, the leadership terms that began,
 * and which write operations the current leader's log still holds.
 *
 * @param operations every client operation, in invocation order
 * @param terms every time a node began to lead an epoch, in order
 * @param leader the node leading now, or null when none is up
 * @param survivingWrites ids of write operations whose entries the current leader's log holds
 */
public record RunRecord(List<Operation> operations, List<Term> terms, String leader, Set<Long> survivingWrites) {
  public RunRecord {
    operations = List.copyOf(operations);
    terms = List.copyOf(terms);
    survivingWrites = Set.copyOf(survivingWrites);
  }

  /** A node leading an epoch from some time on. */
  public record Term(String node, int epoch, long startUs) {}
}
