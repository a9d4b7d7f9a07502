package dev.replab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LwwRegisterTests {
  private static LwwRegister write(String value, long atUs, String node) {
    return LwwRegister.of(value, new LwwStamp(atUs, node));
  }

  private static LwwRegister delete(long atUs, String node) {
    return LwwRegister.tombstone(new LwwStamp(atUs, node));
  }

  @Test
  void theLaterTimestampWinsEvenWhenItCameFromASkewedClock() {
    LwwRegister honest = write("b", 2_000, "n1");
    LwwRegister fastClock = write("a", 5_000, "n2"); // really written first, but n2 runs ahead
    assertSame(fastClock, honest.merge(fastClock));
    assertSame(fastClock, fastClock.merge(honest));
    assertEquals("a 5ms@n2", fastClock.describe());
  }

  @Test
  void onEqualTimestampsADeletionBeatsAWrite() {
    LwwRegister written = write("zzz", 1_000, "n9");
    LwwRegister deleted = delete(1_000, "n1");
    assertTrue(deleted.beats(written));
    assertSame(deleted, written.merge(deleted));
    assertEquals("(deleted) 1ms@n1", deleted.describe());
  }

  @Test
  void onEqualTimestampsTheGreaterValueWinsThenTheGreaterNode() {
    assertEquals("b", write("a", 7, "n2").merge(write("b", 7, "n1")).value());
    assertEquals("b", write("b", 7, "n1").merge(write("a", 7, "n2")).value());
    LwwRegister fromN10 = write("same", 7, "n10");
    LwwRegister fromN2 = write("same", 7, "n2");
    assertSame(fromN10, fromN2.merge(fromN10), "n10 comes after n2 in node order");
    assertSame(fromN10, fromN10.merge(fromN2));
  }

  @Test
  void theOrderIsTotalSoNoTwoDifferentRegistersTie() {
    List<LwwRegister> all = new ArrayList<>();
    for (long at : new long[] {1, 2}) {
      for (String node : new String[] {"n1", "n2"}) {
        all.add(delete(at, node));
        for (String value : new String[] {"a", "b"}) {
          all.add(write(value, at, node));
        }
      }
    }
    for (LwwRegister a : all) {
      for (LwwRegister b : all) {
        assertEquals(a.equals(b), LwwRegister.WINNER_ORDER.compare(a, b) == 0, a + " vs " + b);
        assertFalse(a.beats(b) && b.beats(a));
      }
    }
  }

  @Test
  void everyReplicaPicksTheSameWinnerWhateverTheDeliveryOrder() {
    for (long seed = 1; seed <= 100; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<LwwRegister> writes = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // Few timestamps, values and nodes, so that ties are common.
        long at = random.nextInt(3);
        String node = "n" + (1 + random.nextInt(3));
        writes.add(
            random.nextInt(4) == 0 ? delete(at, node) : write("v" + random.nextInt(2), at, node));
      }
      LwwRegister expected = writes.stream().max(LwwRegister.WINNER_ORDER).orElseThrow();
      List<LwwRegister> shuffled = new ArrayList<>(writes);
      for (int i = shuffled.size() - 1; i > 0; i--) {
        shuffled.set(i, shuffled.set(random.nextInt(i + 1), shuffled.get(i)));
      }
      LwwRegister merged = shuffled.get(0);
      for (LwwRegister next : shuffled) {
        merged = merged.merge(next);
      }
      assertEquals(expected, merged, "seed " + seed + ": " + shuffled);
      MergeLaws.assertJoin(seed, writes, LwwRegister::merge, 50);
    }
  }

  @Test
  void beatsAgreesWithTheWinnerOrderOnEveryPair() {
    long seed = 20261207;
    SplittableRandom random = new SplittableRandom(seed);
    String[] values = {null, "a", "b", "aa"};
    String[] nodes = {"n1", "n2", "n10"};
    for (int i = 0; i < 20_000; i++) {
      LwwRegister a = random(random, values, nodes);
      LwwRegister b = random(random, values, nodes);
      boolean expected = LwwRegister.WINNER_ORDER.compare(a, b) > 0;
      assertEquals(expected, a.beats(b), "seed " + seed + ": " + a + " vs " + b);
    }
  }

  private static LwwRegister random(SplittableRandom random, String[] values, String[] nodes) {
    return new LwwRegister(
        values[random.nextInt(values.length)],
        new LwwStamp(random.nextInt(3), nodes[random.nextInt(nodes.length)]));
  }
}
