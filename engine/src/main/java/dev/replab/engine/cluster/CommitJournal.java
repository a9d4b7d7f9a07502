package dev.replab.engine.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own record of which writes leaders committed and when, used to say whether a
 * read was stale and which acknowledged writes a failover discarded. Nodes never read it.
 */
public final class CommitJournal {
  private final Map<String, List<Commit>> byKey = new HashMap<>();

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

    public Versioned version() {
      return new Versioned(entry.value(), entry.offset(), entry.epoch());
    }

    boolean aliveAt(long atUs) {
      return committedUs <= atUs && (lostUs < 0 || lostUs > atUs);
    }
  }

  void add(LogEntry entry, String leader, long nowUs) {
    byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(new Commit(entry, leader, nowUs));
  }

  /** Marks a committed write as discarded; returns false when it had never been committed. */
  boolean markLost(LogEntry entry, long nowUs) {
    for (Commit commit : byKey.getOrDefault(entry.key(), List.of())) {
      if (commit.offset() == entry.offset() && commit.epoch() == entry.epoch() && commit.lostUs < 0) {
        commit.lostUs = nowUs;
        return true;
      }
    }
    return false;
  }

  /** The newest write of a key committed by {@code atUs} and not discarded by then. */
  public Commit latest(String key, long atUs) {
    Commit best = null;
    for (Commit commit : byKey.getOrDefault(key, List.of())) {
      if (commit.aliveAt(atUs) && (best == null || commit.version().newerThan(best.version()))) {
        best = commit;
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
