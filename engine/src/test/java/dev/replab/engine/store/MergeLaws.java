package dev.replab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/**
 * Drives random histories of replicas that update locally and gossip whole states, and checks that
 * a merge is a join: commutative, associative and idempotent on every state a history reached.
 */
final class MergeLaws {
  private MergeLaws() {}

  /**
   * Runs {@code steps} random steps over {@code replicas} copies of {@code initial}: each step
   * either updates one replica (through {@code update}, given the replica's node id and the random
   * source) or merges one replica's state into another's.
   *
   * @return every state any replica held, in the order they arose
   */
  static <T> List<T> history(
      long seed,
      T initial,
      int replicas,
      int steps,
      TriFunction<T, String, SplittableRandom, T> update,
      BinaryOperator<T> merge) {
    SplittableRandom random = new SplittableRandom(seed);
    List<T> states = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      states.add(initial);
    }
    List<T> seen = new ArrayList<>(states);
    for (int step = 0; step < steps; step++) {
      int target = random.nextInt(replicas);
      T next =
          random.nextInt(3) < 2
              ? update.apply(states.get(target), "n" + (target + 1), random)
              : merge.apply(states.get(target), states.get(random.nextInt(replicas)));
      states.set(target, next);
      seen.add(next);
    }
    return seen;
  }

  /** Checks the three join laws on random pairs and triples of {@code states}. */
  static <T> void assertJoin(long seed, List<T> states, BinaryOperator<T> merge, int samples) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < samples; i++) {
      T a = states.get(random.nextInt(states.size()));
      T b = states.get(random.nextInt(states.size()));
      T c = states.get(random.nextInt(states.size()));
      String context = "seed " + seed + ", a=" + a + ", b=" + b + ", c=" + c;
      assertEquals(a, merge.apply(a, a), () -> "idempotent: " + context);
      assertEquals(merge.apply(a, b), merge.apply(b, a), () -> "commutative: " + context);
      assertEquals(
          merge.apply(merge.apply(a, b), c),
          merge.apply(a, merge.apply(b, c)),
          () -> "associative: " + context);
    }
  }

  /** A function of three arguments, for updates that need the node and the random source. */
  @FunctionalInterface
  interface TriFunction<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  /** Adapts a two-argument update that needs no randomness. */
  static <T> TriFunction<T, String, SplittableRandom, T> ignoringRandom(
      BiFunction<T, String, T> update) {
    return (state, node, random) -> update.apply(state, node);
  }
}
