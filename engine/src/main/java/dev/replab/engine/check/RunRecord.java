package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What checkers may read about a run, whatever the replication model: the client operations, the
 * writes the system acknowledged in version order, which of them the system still holds, the
 * leadership terms (for models with leaders), and every replica's copy of each key.
 *
 * @param operations every client operation, in invocation order
 * @param terms every time a node began to lead an epoch, in order (empty without leaders)
 * @param leader the node leading now, or null when none is up or the model has none
 * @param survivingWrites ids of acknowledged writes whose effect the system still holds
 * @param commits every acknowledged write, in the order they were acknowledged
 * @param shape what the model's versions and leaders are like, so checkers know what applies
 * @param copies each key's copy on every replica that should hold it, for divergence
 * @param overwrites acknowledged writes that a write which had never seen them replaced
 * @param readFrom for reads whose answer names the writes it came from: the read's id and those
 *     writes' ids (several for siblings), so checkers can follow what each client had seen
 */
public record RunRecord(
    List<Operation> operations,
    List<Term> terms,
    String leader,
    Set<Long> survivingWrites,
    List<Commit> commits,
    Shape shape,
    List<Copies> copies,
    List<Overwrite> overwrites,
    Map<Long, List<Long>> readFrom) {
  public RunRecord {
    operations = List.copyOf(operations);
    terms = List.copyOf(terms);
    survivingWrites = Set.copyOf(survivingWrites);
    commits = List.copyOf(commits);
    copies = List.copyOf(copies);
    overwrites = List.copyOf(overwrites);
    readFrom = Map.copyOf(readFrom);
  }

  /** A record that knows nothing of overwrites and of which write each read returned. */
  public RunRecord(
      List<Operation> operations,
      List<Term> terms,
      String leader,
      Set<Long> survivingWrites,
      List<Commit> commits,
      Shape shape,
      List<Copies> copies) {
    this(operations, terms, leader, survivingWrites, commits, shape, copies, List.of(), Map.of());
  }

  /**
   * An acknowledged write that was silently replaced by one that had not seen it.
   *
   * @param key the key
   * @param lostOpId the write that is gone
   * @param winnerOpId the write kept instead
   * @param where the node that first threw it away
   * @param atUs when
   * @param why why the other write won, in a clause ("its timestamp 12ms is later")
   */
  public record Overwrite(
      String key, long lostOpId, long winnerOpId, String where, long atUs, String why) {}

  /** A record of a leader-follower run, as the first checkers were written for. */
  public RunRecord(
      List<Operation> operations,
      List<Term> terms,
      String leader,
      Set<Long> survivingWrites,
      List<Commit> commits) {
    this(operations, terms, leader, survivingWrites, commits, Shape.leaderLog(leader), List.of());
  }

  /**
   * What kind of run it was.
   *
   * @param leaders true when the model has leaders that could disagree (split-brain applies)
   * @param totalOrder true when versions are totally ordered (epoch, then position); false for
   *     version vectors, where only some writes are ordered
   * @param notHeld how a sentence ends that says a write is gone ("leader n1's log does not hold
   *     it"), or null when nothing can be asked now
   * @param noHolder why nothing can be asked, when {@code notHeld} is null
   * @param quiet true when no message is in flight, so replicas had their chance to agree
   * @param timestamps true when a version's position is a timestamp in microseconds (last write
   *     wins), false when it is a log offset
   */
  public record Shape(
      boolean leaders,
      boolean totalOrder,
      String notHeld,
      String noHolder,
      boolean quiet,
      boolean timestamps) {
    /** A leader-follower run: a log that the current leader holds, if one is up. */
    public static Shape leaderLog(String leader) {
      return new Shape(
          true,
          true,
          leader == null ? null : "leader " + leader + "'s log does not hold it",
          "no leader is up, so there is no log to compare acknowledged writes with",
          true,
          false);
    }
  }

  /**
   * One key's copies on the replicas that should hold it.
   *
   * @param key the key
   * @param byNode each such replica that is up and what it holds (a short description), in node
   *     order
   */
  public record Copies(String key, Map<String, String> byNode) {
    public Copies {
      byNode = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byNode));
    }
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
