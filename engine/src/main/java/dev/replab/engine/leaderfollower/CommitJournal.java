package dev.replab.engine.leaderfollower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own record of which writes leaders committed and when, used to say whether a read
 * was stale and which acknowledged writes a failover discarded. Nodes never read it.
 */
public final class CommitJournal {
  private static final int ZOMBIE_WINDOW = 256;
  private final Map<String, List<Commit>> byKey = new HashMap<>();
  private final List<Commit> inOrder = new ArrayList<>();
  private final java.util.Set<Long> recorded = new java.util.HashSet<>();
  private final Map<String, Integer> newestEpoch = new HashMap<>();
  private final java.util.Set<String> outOfOrder = new java.util.HashSet<>();

  /** A committed write and, once a failover discards it, when that happened. */
  public static final class Commit {
    private final LogEntry entry;
    private final String leader;
    private final long committedUs;
    private long lostUs = -1;

    Commit(LogEntry entry, String leader, long committedUs) {
      this.entry = entry;
      this.leader = leader;
      this.committedUs = committedUs;
    }

    public String key() {
      return entry.key();
    }

    public String value() {
      return entry.value();
    }

    public long offset() {
      return entry.offset();
    }

    public int epoch() {
      return entry.epoch();
    }

    public long opId() {
      return entry.opId();
    }

    public String leader() {
      return leader;
    }

    public long committedUs() {
      return committedUs;
    }

    public long lostUs() {
      return lostUs;
    }

    boolean newer(Commit other) {
      return epoch() != other.epoch() ? epoch() > other.epoch() : offset() > other.offset();
    }

    public Versioned version() {
      return new Versioned(entry.value(), entry.offset(), entry.epoch());
    }

    boolean aliveAt(long atUs) {
      return committedUs <= atUs && (lostUs < 0 || lostUs > atUs);
    }
  }

  void add(LogEntry entry, String leader, long nowUs) {
    if (!recorded.add(((long) entry.epoch() << 40) | entry.offset())) {
      return;
    }
    newestEpoch.merge(entry.key(), entry.epoch(), Math::max);
    Commit commit = new Commit(entry, leader, nowUs);
    List<Commit> commits = byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>());
    if (!commits.isEmpty() && !commit.newer(commits.get(commits.size() - 1))) {
      outOfOrder.add(entry.key());
    }
    commits.add(commit);
    inOrder.add(commit);
  }

  /** Every commit in the order leaders committed them, as checkers read them. */
  public List<dev.replab.engine.check.RunRecord.Commit> forCheckers() {
    List<dev.replab.engine.check.RunRecord.Commit> commits = new ArrayList<>(inOrder.size());
    for (Commit c : inOrder) {
      commits.add(
          new dev.replab.engine.check.RunRecord.Commit(
              c.key(), c.value(), c.epoch(), c.offset(), c.opId(), c.committedUs, c.lostUs));
    }
    return commits;
  }

  /** Marks a committed write as discarded; returns false when it had never been committed. */
  boolean markLost(LogEntry entry, long nowUs) {
    for (Commit commit : byKey.getOrDefault(entry.key(), List.of())) {
      if (commit.offset() == entry.offset()
          && commit.epoch() == entry.epoch()
          && commit.lostUs < 0) {
        commit.lostUs = nowUs;
        return true;
      }
    }
    return false;
  }

  /** The newest write of a key committed by {@code atUs} and not discarded by then. */
  public Commit latest(String key, long atUs) {
    // Commits of one key are in commit order, which is version order except for the few writes
    // a zombie leader commits after a newer leader took over. So the newest version is near the
    // end: look back a bounded distance past the last visible commit instead of over all of them.
    Commit best = null;
    List<Commit> commits = byKey.getOrDefault(key, List.of());
    if (!outOfOrder.contains(key)) {
      // Commits arrived in version order and none was lost out of turn: the newest visible one
      // is the last one committed by now and not discarded.
      for (int i = commits.size() - 1; i >= 0; i--) {
        if (commits.get(i).aliveAt(atUs)) {
          return commits.get(i);
        }
      }
      return null;
    }
    int top = newestEpoch.getOrDefault(key, 0);
    int lookBack = ZOMBIE_WINDOW;
    for (int i = commits.size() - 1; i >= 0 && lookBack > 0; i--) {
      Commit commit = commits.get(i);
      if (commit.aliveAt(atUs) && (best == null || commit.newer(best))) {
        best = commit;
        if (best.epoch() == top) {
          // Nothing committed earlier can be newer than a commit of the newest epoch.
          break;
        }
      }
      if (best != null) {
        lookBack--;
      }
    }
    return best;
  }

  /** Every commit, oldest first within each key, keys in sorted order. */
  public List<Commit> all() {
    List<Commit> all = new ArrayList<>();
    byKey.keySet().stream().sorted().forEach(key -> all.addAll(byKey.get(key)));
    return all;
  }
}
