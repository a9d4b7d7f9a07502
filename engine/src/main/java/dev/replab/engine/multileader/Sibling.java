package dev.replab.engine.multileader;

import dev.replab.engine.store.Dot;
import dev.replab.engine.store.VersionVector;
import java.util.Comparator;

/**
 * One write to a key as every datacenter stores it.
 *
 * @param value the value written, or null for a delete (a tombstone)
 * @param dot the write's name: its datacenter and that datacenter's count of writes to the key
 * @param seen every write of the key its writer had seen, and itself: what it supersedes
 * @param stamp the timestamp last write wins compares
 * @param opId the client operation that made it
 */
record Sibling(String value, Dot dot, VersionVector seen, long stamp, long opId) {
  /**
   * The order last write wins keeps the greatest of: the timestamp, then a delete over a write,
   * then the greater value, then the datacenter's name, so every leader picks the same winner.
   */
  static final Comparator<Sibling> LWW_ORDER =
      Comparator.comparingLong(Sibling::stamp)
          .thenComparing(Sibling::isTombstone)
          .thenComparing(s -> s.value == null ? "" : s.value)
          .thenComparing(Sibling::dot);

  boolean isTombstone() {
    return value == null;
  }

  /** True when this write had seen {@code other}: it replaces it by causality, not by a clock. */
  boolean supersedes(Sibling other) {
    return seen.covers(other.dot);
  }

  String shown() {
    return value == null ? "(deleted)" : value;
  }
}
