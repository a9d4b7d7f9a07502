package dev.replab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class CounterTests {
  @Test
  void aGCounterSumsEachNodesOwnIncrements() {
    GCounter counter = GCounter.zero().increment("n1").increment("n2", 3).increment("n1");
    assertEquals(5, counter.value());
    assertEquals(2, counter.contribution("n1"));
    assertEquals("5 [n1:2 n2:3]", counter.describe());
    assertThrows(IllegalArgumentException.class, () -> counter.increment("n1", -1));
  }

  @Test
  void mergingTwoGCountersCountsEachIncrementOnce() {
    GCounter base = GCounter.zero().increment("n1", 2);
    GCounter left = base.increment("n1");
    GCounter right = base.increment("n2", 4);
    assertEquals(7, left.merge(right).value(), "2 + 1 at n1 and 4 at n2");
    assertEquals(left.merge(right), left.merge(right).merge(base), "a stale copy adds nothing");
  }

  @Test
  void aPNCounterKeepsDecrementsApartFromIncrements() {
    PNCounter base = PNCounter.zero().add("n1", 5);
    PNCounter left = base.decrement("n1");
    PNCounter right = base.increment("n1").increment("n1");
    // One signed total per node would be 4 on the left and 7 on the right, and max would keep 7.
    assertEquals(6, left.merge(right).value(), "5 - 1 + 2");
    assertEquals("6 +[n1:7] -[n1:1]", left.merge(right).describe());
  }

  @Test
  void counterMergesAreJoins() {
    for (long seed = 1; seed <= 50; seed++) {
      List<GCounter> grow =
          MergeLaws.history(
              seed,
              GCounter.zero(),
              3,
              40,
              (c, node, random) -> c.increment(node, random.nextInt(3)),
              GCounter::merge);
      MergeLaws.assertJoin(seed, grow, GCounter::merge, 100);
      List<PNCounter> both =
          MergeLaws.history(
              seed,
              PNCounter.zero(),
              3,
              40,
              (c, node, random) -> c.add(node, random.nextInt(5) - 2),
              PNCounter::merge);
      MergeLaws.assertJoin(seed, both, PNCounter::merge, 100);
    }
  }

  @Test
  void aGCounterNeverLosesAnIncrementUnderReorderingDuplicatesAndMerges() {
    for (long seed = 1; seed <= 100; seed++) {
      Gossip<GCounter> run =
          new Gossip<>(seed, GCounter.zero(), GCounter::merge, GCounter::value, 4);
      run.play(
          300, (counter, node, random) -> counter.increment(node, 1 + random.nextInt(3)), false);
    }
  }

  @Test
  void aPNCounterNeverLosesAChangeUnderReorderingDuplicatesAndMerges() {
    for (long seed = 1; seed <= 100; seed++) {
      Gossip<PNCounter> run =
          new Gossip<>(seed, PNCounter.zero(), PNCounter::merge, PNCounter::value, 4);
      run.play(300, (counter, node, random) -> counter.add(node, random.nextInt(7) - 3), true);
    }
  }

  /**
   * Replicas that change a counter locally and gossip snapshots of their state through a network
   * that reorders, duplicates and delays them, tracking the true total on the side.
   */
  private static final class Gossip<T> {
    interface Change<T> {
      T apply(T state, String node, SplittableRandom random);
    }

    private final long seed;
    private final SplittableRandom random;
    private final BinaryOperator<T> merge;
    private final ToLongFunction<T> value;
    private final List<T> replicas = new ArrayList<>();
    private final List<Long> ownChanges = new ArrayList<>();
    private final List<Integer> inFlightTarget = new ArrayList<>();
    private final List<T> inFlight = new ArrayList<>();
    private long total;

    Gossip(long seed, T zero, BinaryOperator<T> merge, ToLongFunction<T> value, int size) {
      this.seed = seed;
      this.random = new SplittableRandom(seed);
      this.merge = merge;
      this.value = value;
      for (int i = 0; i < size; i++) {
        replicas.add(zero);
        ownChanges.add(0L);
      }
    }

    void play(int steps, Change<T> change, boolean signed) {
      for (int step = 0; step < steps; step++) {
        int pick = random.nextInt(10);
        if (pick < 4) {
          change(change);
        } else if (pick < 7) {
          send();
        } else if (!inFlight.isEmpty()) {
          deliver(random.nextInt(inFlight.size()), random.nextInt(4) == 0);
        }
        checkBounds(signed, step);
      }
      while (!inFlight.isEmpty()) {
        deliver(random.nextInt(inFlight.size()), false);
      }
      T all = replicas.get(0);
      for (T replica : replicas) {
        all = merge.apply(all, replica);
      }
      assertEquals(total, value.applyAsLong(all), "seed " + seed + ": the merge of all replicas");
      for (int i = 0; i < replicas.size(); i++) {
        T converged = merge.apply(replicas.get(i), all);
        assertEquals(total, value.applyAsLong(converged), "seed " + seed + ": replica " + i);
      }
    }

    private void change(Change<T> change) {
      int node = random.nextInt(replicas.size());
      T before = replicas.get(node);
      T after = change.apply(before, "n" + (node + 1), random);
      long delta = value.applyAsLong(after) - value.applyAsLong(before);
      replicas.set(node, after);
      ownChanges.set(node, ownChanges.get(node) + delta);
      total += delta;
    }

    private void send() {
      int source = random.nextInt(replicas.size());
      inFlight.add(replicas.get(source));
      inFlightTarget.add(random.nextInt(replicas.size()));
    }

    /** Delivers one snapshot; a duplicated one stays in flight to arrive again later. */
    private void deliver(int index, boolean duplicate) {
      int target = inFlightTarget.get(index);
      T snapshot = duplicate ? inFlight.get(index) : inFlight.remove(index);
      if (!duplicate) {
        inFlightTarget.remove(index);
      }
      replicas.set(target, merge.apply(replicas.get(target), snapshot));
    }

    /** A grow-only replica never shows more than happened, nor less than it did itself. */
    private void checkBounds(boolean signed, int step) {
      if (signed) {
        return;
      }
      for (int i = 0; i < replicas.size(); i++) {
        long seen = value.applyAsLong(replicas.get(i));
        int node = i;
        assertTrue(
            seen >= ownChanges.get(node) && seen <= total,
            () -> "seed " + seed + ", step " + step + ": replica " + node + " shows " + seen);
      }
    }
  }
}
