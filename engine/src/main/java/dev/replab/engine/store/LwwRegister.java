package dev.replab.engine.store;

import java.util.Comparator;
import java.util.Objects;

/**
 * A last-write-wins register: one value (or a tombstone for a delete) and the stamp of the write
 * that made it, used for {@code versions=lww} and as the LWW register CRDT.
 *
 * <p>Merging keeps the winner under {@link #WINNER_ORDER}, a total order, so every replica that has
 * seen the same writes keeps the same one whatever order they arrived in. The loser is gone for
 * good: that silent loss is the price of last write wins.
 *
 * @param value the value, or null when the last write was a delete
 * @param stamp when and where the write was made
 */
public record LwwRegister(String value, LwwStamp stamp) {
  /**
   * Orders writes from loser to winner: the later timestamp wins; on equal timestamps a deletion
   * beats a write (so a delete is never undone by a write that merely tied with it), then the
   * greater value by {@link String#compareTo} wins, then the greater node by {@link NodeOrder}, so
   * that no two different registers ever tie.
   */
  public static final Comparator<LwwRegister> WINNER_ORDER =
      Comparator.comparingLong((LwwRegister r) -> r.stamp.timestampUs())
          .thenComparing(LwwRegister::isTombstone)
          .thenComparing(LwwRegister::value, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.stamp.node(), NodeOrder.INSTANCE);

  public LwwRegister {
    Objects.requireNonNull(stamp, "a last-write-wins value needs its stamp");
  }

  /** A register holding {@code value}, written at {@code stamp}. */
  public static LwwRegister of(String value, LwwStamp stamp) {
    return new LwwRegister(Objects.requireNonNull(value, "use tombstone() for a delete"), stamp);
  }

  /** A deletion made at {@code stamp}. */
  public static LwwRegister tombstone(LwwStamp stamp) {
    return new LwwRegister(null, stamp);
  }

  /** True when the last write was a delete. */
  public boolean isTombstone() {
    return value == null;
  }

  /** True when this write wins over {@code other}: {@link #WINNER_ORDER}, written out for speed. */
  public boolean beats(LwwRegister other) {
    if (stamp.timestampUs() != other.stamp.timestampUs()) {
      return stamp.timestampUs() > other.stamp.timestampUs();
    }
    if (isTombstone() != other.isTombstone()) {
      return isTombstone();
    }
    if (value != null && !value.equals(other.value)) {
      return value.compareTo(other.value) > 0;
    }
    return NodeOrder.INSTANCE.compare(stamp.node(), other.stamp.node()) > 0;
  }

  /** The winner of the two writes; commutative, associative and idempotent. */
  public LwwRegister merge(LwwRegister other) {
    return other.beats(this) ? other : this;
  }

  /** {@code milk 1.5ms@n2} or {@code (deleted) 2ms@n1}. */
  public String describe() {
    return (value == null ? "(deleted)" : value) + " " + stamp.describe();
  }
}
