package dev.replab.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The engine's own version vector rule, for comparison with a learner's and for tests. */
public final class StandardVersionVectorRule implements VersionVectorRule {
  @Override
  public Order compare(List<Entry> a, List<Entry> b) {
    TreeMap<String, long[]> both = new TreeMap<>();
    a.forEach(e -> both.computeIfAbsent(e.dc(), k -> new long[2])[0] = e.counter());
    b.forEach(e -> both.computeIfAbsent(e.dc(), k -> new long[2])[1] = e.counter());
    boolean aAhead = false;
    boolean bAhead = false;
    for (long[] pair : both.values()) {
      aAhead |= pair[0] > pair[1];
      bAhead |= pair[1] > pair[0];
    }
    if (aAhead && bAhead) {
      return Order.CONCURRENT;
    }
    return aAhead ? Order.AFTER : bAhead ? Order.BEFORE : Order.EQUAL;
  }

  @Override
  public List<Entry> merge(List<Entry> a, List<Entry> b) {
    TreeMap<String, Long> most = new TreeMap<>();
    a.forEach(e -> most.merge(e.dc(), e.counter(), Math::max));
    b.forEach(e -> most.merge(e.dc(), e.counter(), Math::max));
    List<Entry> merged = new ArrayList<>();
    most.forEach((dc, counter) -> merged.add(new Entry(dc, counter)));
    return merged;
  }
}
