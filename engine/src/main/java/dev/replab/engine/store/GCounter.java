package dev.replab.engine.store;

import java.util.Objects;

/**
 * A grow-only counter CRDT (Shapiro et al.): each node counts its own increments, and the value is
 * the sum over nodes.
 *
 * <p>Because a node only ever raises its own entry, merging two replicas' states with the pointwise
 * maximum never loses an increment and never counts one twice, whatever order states arrive in and
 * however often. Instances are immutable.
 */
public final class GCounter {
  private static final GCounter ZERO = new GCounter(VersionVector.empty());

  /** Per node, the total it has added; a version vector has exactly this shape and merge. */
  private final VersionVector totals;

  private GCounter(VersionVector totals) {
    this.totals = totals;
  }

  /** A counter no node has incremented. */
  public static GCounter zero() {
    return ZERO;
  }

  /** This counter after {@code node} adds one. */
  public GCounter increment(String node) {
    return increment(node, 1);
  }

  /**
   * This counter after {@code node} adds {@code amount}.
   *
   * @throws IllegalArgumentException when {@code amount} is negative: a G-counter only grows
   */
  public GCounter increment(String node, long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException(
          "a grow-only counter cannot add " + amount + "; use a PN-counter to count down");
    }
    return amount == 0 ? this : new GCounter(totals.with(node, totals.get(node) + amount));
  }

  /** The sum of every node's increments. */
  public long value() {
    long sum = 0;
    for (long total : totals.counters().values()) {
      sum += total;
    }
    return sum;
  }

  /** What {@code node} has added. */
  public long contribution(String node) {
    return totals.get(node);
  }

  /** Per node totals, for inspection. */
  public VersionVector totals() {
    return totals;
  }

  /** The counter that has seen every increment either side has. */
  public GCounter merge(GCounter other) {
    VersionVector merged = totals.merge(other.totals);
    return merged == totals ? this : new GCounter(merged);
  }

  /** {@code 5 [n1:3 n2:2]}: the value, then each node's share. */
  public String describe() {
    return value() + " " + totals.describe();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GCounter counter && totals.equals(counter.totals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(totals);
  }

  @Override
  public String toString() {
    return describe();
  }
}
