package dev.replab.engine.store;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable version vector: for each node, how many of that node's events a version has seen.
 *
 * <p>A node that is absent has counter 0; zero entries are never stored, so two vectors that have
 * seen the same events are equal. Entries are kept in {@link NodeOrder}, which makes {@link
 * #describe} and iteration the same in every run.
 */
public final class VersionVector {
  private static final VersionVector EMPTY = new VersionVector(new TreeMap<>(NodeOrder.INSTANCE));

  private final SortedMap<String, Long> counters;

  private VersionVector(TreeMap<String, Long> counters) {
    this.counters = Collections.unmodifiableSortedMap(counters);
  }

  /** The vector of a version that has seen nothing. */
  public static VersionVector empty() {
    return EMPTY;
  }

  /**
   * A vector with the given counters.
   *
   * @throws IllegalArgumentException when a counter is negative
   */
  public static VersionVector of(Map<String, Long> counters) {
    TreeMap<String, Long> copy = new TreeMap<>(NodeOrder.INSTANCE);
    for (Map.Entry<String, Long> entry : counters.entrySet()) {
      long counter = entry.getValue();
      if (counter < 0) {
        throw new IllegalArgumentException(
            "a version vector counts events; " + entry.getKey() + " has " + counter);
      }
      if (counter > 0) {
        copy.put(entry.getKey(), counter);
      }
    }
    return copy.isEmpty() ? EMPTY : new VersionVector(copy);
  }

  /** The vector that has seen exactly the events up to and including one dot. */
  public static VersionVector of(Dot dot) {
    return EMPTY.add(dot);
  }

  /** How many of {@code node}'s events this vector has seen (0 when none). */
  public long get(String node) {
    return counters.getOrDefault(node, 0L);
  }

  /** The counters in node order, without zero entries. */
  public SortedMap<String, Long> counters() {
    return counters;
  }

  /** True when the vector has seen no event at all. */
  public boolean isEmpty() {
    return counters.isEmpty();
  }

  /** This vector after one more event at {@code node}. */
  public VersionVector increment(String node) {
    return with(node, get(node) + 1);
  }

  /** The dot a node would give its next event after everything this vector has seen. */
  public Dot nextDot(String node) {
    return new Dot(node, get(node) + 1);
  }

  /** This vector widened to cover {@code dot} (and so every earlier event of its node). */
  public VersionVector add(Dot dot) {
    return dot.counter() <= get(dot.node()) ? this : with(dot.node(), dot.counter());
  }

  /** True when this vector has seen the event {@code dot}. */
  public boolean covers(Dot dot) {
    return get(dot.node()) >= dot.counter();
  }

  /** The pointwise maximum: a vector that has seen everything either one has. */
  public VersionVector merge(VersionVector other) {
    if (other.counters.size() > counters.size()) {
      return other.merge(this);
    }
    TreeMap<String, Long> merged = new TreeMap<>(counters);
    other.counters.forEach((node, counter) -> merged.merge(node, counter, Math::max));
    return merged.equals(counters) ? this : new VersionVector(merged);
  }

  /** How this vector's version relates to {@code other}'s in the happened-before order. */
  public Causality compare(VersionVector other) {
    boolean someLess = exceedsSomewhere(other, this);
    boolean someMore = exceedsSomewhere(this, other);
    if (someLess && someMore) {
      return Causality.CONCURRENT;
    }
    if (someLess) {
      return Causality.BEFORE;
    }
    return someMore ? Causality.AFTER : Causality.EQUAL;
  }

  /** True when this vector has seen everything {@code other} has and more: it supersedes it. */
  public boolean dominates(VersionVector other) {
    return compare(other) == Causality.AFTER;
  }

  /** True when this vector has seen everything {@code other} has (it may be equal). */
  public boolean descends(VersionVector other) {
    return !exceedsSomewhere(other, this);
  }

  /** True when {@code a} has seen some event of a node that {@code b} has not. */
  private static boolean exceedsSomewhere(VersionVector a, VersionVector b) {
    for (Map.Entry<String, Long> entry : a.counters.entrySet()) {
      if (entry.getValue() > b.get(entry.getKey())) {
        return true;
      }
    }
    return false;
  }

  /** This vector with {@code node}'s counter set to {@code counter}, for counters built on it. */
  VersionVector with(String node, long counter) {
    TreeMap<String, Long> changed = new TreeMap<>(counters);
    changed.put(node, counter);
    return new VersionVector(changed);
  }

  /** {@code [n1:2 n3:1]}, or {@code []} for the empty vector. */
  public String describe() {
    StringBuilder text = new StringBuilder("[");
    counters.forEach(
        (node, counter) ->
            text.append(text.length() > 1 ? " " : "").append(node).append(':').append(counter));
    return text.append(']').toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VersionVector vector && counters.equals(vector.counters);
  }

  @Override
  public int hashCode() {
    return counters.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
