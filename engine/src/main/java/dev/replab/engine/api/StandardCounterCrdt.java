package dev.replab.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The engine's own PN-counter over the {@link CounterCrdt} plug point, for tests. */
public final class StandardCounterCrdt implements CounterCrdt {
  @Override
  public State increment(State state, String dc, long amount) {
    return new State(add(state.increments(), dc, amount), state.decrements());
  }

  @Override
  public State decrement(State state, String dc, long amount) {
    return new State(state.increments(), add(state.decrements(), dc, amount));
  }

  @Override
  public State merge(State a, State b) {
    return new State(most(a.increments(), b.increments()), most(a.decrements(), b.decrements()));
  }

  @Override
  public long value(State state) {
    return sum(state.increments()) - sum(state.decrements());
  }

  private static List<Count> add(List<Count> counts, String dc, long amount) {
    TreeMap<String, Long> totals = totals(counts);
    totals.merge(dc, amount, Long::sum);
    return list(totals);
  }

  private static List<Count> most(List<Count> a, List<Count> b) {
    TreeMap<String, Long> totals = totals(a);
    b.forEach(count -> totals.merge(count.dc(), count.count(), Math::max));
    return list(totals);
  }

  private static long sum(List<Count> counts) {
    return counts.stream().mapToLong(Count::count).sum();
  }

  private static TreeMap<String, Long> totals(List<Count> counts) {
    TreeMap<String, Long> totals = new TreeMap<>();
    counts.forEach(count -> totals.put(count.dc(), count.count()));
    return totals;
  }

  private static List<Count> list(TreeMap<String, Long> totals) {
    List<Count> counts = new ArrayList<>();
    totals.forEach((dc, count) -> counts.add(new Count(dc, count)));
    return List.copyOf(counts);
  }
}
