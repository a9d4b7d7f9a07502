package dev.replab.exercises.ex14;

import dev.replab.engine.api.VersionVectorRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reference solution of Exercise 14: a vector is ordered before another when none of its counters
 * is larger and at least one is smaller, and a merge keeps the larger counter of each datacenter.
 * A datacenter a vector does not name counts zero.
 */
public final class VersionVectors implements VersionVectorRule {

  @Override
  public Order compare(List<Entry> a, List<Entry> b) {
    Map<String, Long> left = counters(a);
    Map<String, Long> right = counters(b);
    boolean leftAhead = false;
    boolean rightAhead = false;
    TreeMap<String, Long> every = new TreeMap<>(left);
    every.putAll(right);
    for (String dc : every.keySet()) {
      long mine = left.getOrDefault(dc, 0L);
      long theirs = right.getOrDefault(dc, 0L);
      leftAhead |= mine > theirs;
      rightAhead |= theirs > mine;
    }
    if (leftAhead && rightAhead) {
      return Order.CONCURRENT;
    }
    if (leftAhead) {
      return Order.AFTER;
    }
    return rightAhead ? Order.BEFORE : Order.EQUAL;
  }

  @Override
  public List<Entry> merge(List<Entry> a, List<Entry> b) {
    TreeMap<String, Long> most = new TreeMap<>(counters(a));
    counters(b).forEach((dc, counter) -> most.merge(dc, counter, Math::max));
    List<Entry> merged = new ArrayList<>();
    most.forEach((dc, counter) -> merged.add(new Entry(dc, counter)));
    return merged;
  }

  private static Map<String, Long> counters(List<Entry> vector) {
    Map<String, Long> counters = new TreeMap<>();
    for (Entry entry : vector) {
      counters.put(entry.dc(), entry.counter());
    }
    return counters;
  }
}
