package dev.replab.engine.leaderfollower;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's durable, ordered list of writes. Offsets start at 1; offset 0 means "nothing yet". The
 * log survives a crash; entries past a divergence point are cut off when a new leader says so.
 */
public final class ReplicationLog {
  private final ArrayList<LogEntry> entries = new ArrayList<>();

  public long lastOffset() {
    return entries.size();
  }

  /** The epoch of the entry at {@code offset}, or 0 for offset 0. */
  public int epochAt(long offset) {
    return offset == 0 ? 0 : entries.get((int) offset - 1).epoch();
  }

  public int lastEpoch() {
    return epochAt(lastOffset());
  }

  public LogEntry get(long offset) {
    return entries.get((int) offset - 1);
  }

  public void append(LogEntry entry) {
    if (entry.offset() != lastOffset() + 1) {
      throw new IllegalStateException(
          "log ends at " + lastOffset() + ", cannot append offset " + entry.offset());
    }
    entries.add(entry);
  }

  /** Removes every entry after {@code offset} and returns them, oldest first. */
  public List<LogEntry> truncateAfter(long offset) {
    List<LogEntry> removed = new ArrayList<>(entries.subList((int) offset, entries.size()));
    entries.subList((int) offset, entries.size()).clear();
    return removed;
  }

  /** Entries with offsets in [from, to], oldest first. */
  public List<LogEntry> slice(long from, long to) {
    if (from > to) {
      return List.of();
    }
    return List.copyOf(entries.subList((int) from - 1, (int) to));
  }

  /** The last offset written in an epoch at or before {@code epoch}: where two logs can agree. */
  public long endOffsetFor(int epoch) {
    long offset = lastOffset();
    while (offset > 0 && epochAt(offset) > epoch) {
      offset--;
    }
    return offset;
  }
}
