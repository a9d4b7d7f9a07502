package dev.replab.engine.store;

import java.util.Objects;

/**
 * A counter CRDT that can go up and down: one grow-only counter of increments and one of
 * decrements, whose difference is the value (Shapiro et al.).
 *
 * <p>Keeping the two directions apart is what makes the merge safe: a pointwise maximum over one
 * signed total per node would forget a decrement that a later increment hid. Instances are
 * immutable.
 */
public final class PNCounter {
  private static final PNCounter ZERO = new PNCounter(GCounter.zero(), GCounter.zero());

  private final GCounter increments;
  private final GCounter decrements;

  private PNCounter(GCounter increments, GCounter decrements) {
    this.increments = increments;
    this.decrements = decrements;
  }

  /** A counter no node has changed. */
  public static PNCounter zero() {
    return ZERO;
  }

  /** This counter after {@code node} adds {@code amount}, which may be negative. */
  public PNCounter add(String node, long amount) {
    return amount >= 0
        ? new PNCounter(increments.increment(node, amount), decrements)
        : new PNCounter(increments, decrements.increment(node, -amount));
  }

  /** This counter after {@code node} adds one. */
  public PNCounter increment(String node) {
    return add(node, 1);
  }

  /** This counter after {@code node} takes one away. */
  public PNCounter decrement(String node) {
    return add(node, -1);
  }

  /** Increments minus decrements. */
  public long value() {
    return increments.value() - decrements.value();
  }

  /** The counter that has seen every change either side has. */
  public PNCounter merge(PNCounter other) {
    return new PNCounter(increments.merge(other.increments), decrements.merge(other.decrements));
  }

  /** {@code 3 +[n1:4 n2:1] -[n1:2]}. */
  public String describe() {
    return value() + " +" + increments.totals().describe() + " -" + decrements.totals().describe();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PNCounter counter
        && increments.equals(counter.increments)
        && decrements.equals(counter.decrements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(increments, decrements);
  }

  @Override
  public String toString() {
    return describe();
  }
}
