package dev.replab.exercises.ex15;

import dev.replab.engine.api.CounterCrdt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reference solution of Exercise 15: each datacenter only ever raises its own totals, so a merge
 * that keeps the larger total of each datacenter holds every update exactly once, however often
 * and in whatever order states meet.
 */
public final class PnCounter implements CounterCrdt {

  @Override
  public State increment(State state, String dc, long amount) {
    return new State(raised(state.increments(), dc, amount), state.decrements());
  }

  @Override
  public State decrement(State state, String dc, long amount) {
    return new State(state.increments(), raised(state.decrements(), dc, amount));
  }

  @Override
  public State merge(State a, State b) {
    return new State(
        larger(a.increments(), b.increments()), larger(a.decrements(), b.decrements()));
  }

  @Override
  public long value(State state) {
    return total(state.increments()) - total(state.decrements());
  }

  /** The datacenter's own total goes up; the others' stay as they are. */
  private static List<Count> raised(List<Count> counts, String dc, long amount) {
    Map<String, Long> totals = byDc(counts);
    totals.put(dc, totals.getOrDefault(dc, 0L) + amount);
    return sorted(totals);
  }

  /** Per datacenter the larger total: adding would count an update once per merge. */
  private static List<Count> larger(List<Count> a, List<Count> b) {
    Map<String, Long> totals = byDc(a);
    for (Count count : b) {
      totals.put(count.dc(), Math.max(totals.getOrDefault(count.dc(), 0L), count.count()));
    }
    return sorted(totals);
  }

  private static long total(List<Count> counts) {
    long total = 0;
    for (Count count : counts) {
      total += count.count();
    }
    return total;
  }

  private static Map<String, Long> byDc(List<Count> counts) {
    Map<String, Long> totals = new TreeMap<>();
    for (Count count : counts) {
      totals.put(count.dc(), count.count());
    }
    return totals;
  }

  private static List<Count> sorted(Map<String, Long> totals) {
    List<Count> counts = new ArrayList<>();
    totals.forEach((dc, count) -> counts.add(new Count(dc, count)));
    return counts;
  }
}
