package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import java.util.List;
import java.util.Set;

/**
 * What checkers may read about a run: the client operations, the leadership terms that began, and
 * which write operations the current leader's log still holds.
 *
 * @param operations every client operation, in invocation order
 * @param terms every time a node began to lead an epoch, in order
 * @param leader the node leading now, or null when none is up
 * @param survivingWrites ids of write operations whose entries the current leader's log holds
 * @param commits every committed write, in commit order
 */
public record RunRecord(
    List<Operation> operations,
    List<Term> terms,
    String leader,
    Set<Long> survivingWrites,
    List<Commit> commits) {
  public RunRecord {
    operations = List.copyOf(operations);
    terms = List.copyOf(terms);
    survivingWrites = Set.copyOf(survivingWrites);
    commits = List.copyOf(commits);
  }

  /**
   * A write a leader committed: its key, value, log position, the operation that made it, when it
   * was committed, and when a failover discarded it (-1 if never).
   */
  public record Commit(
      String key, String value, int epoch, long offset, long opId, long committedUs, long lostUs) {
    /** True when this commit comes after the version (epoch, offset) in the history of leaders. */
    public boolean newerThan(int otherEpoch, long otherOffset) {
      return epoch != otherEpoch ? epoch > otherEpoch : offset > otherOffset;
    }

    /** True when the commit had happened and had not been discarded by {@code atUs}. */
    public boolean visibleAt(long atUs) {
      return committedUs <= atUs && (lostUs < 0 || lostUs > atUs);
    }
  }

  /** A node leading an epoch from some time on. */
  public record Term(String node, int epoch, long startUs) {}
}
