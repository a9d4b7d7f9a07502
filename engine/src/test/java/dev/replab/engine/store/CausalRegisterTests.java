package dev.replab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CausalRegisterTests {
  private static final VersionVector NOTHING = VersionVector.empty();

  @Test
  void concurrentAdditionsToACartBothSurviveAndALaterWriteMergesThem() {
    // Two clients edit one cart through n1, each writing back the context of its own last read,
    // as in the shopping-cart example of DDIA chapter 5.
    CausalRegister cart = CausalRegister.empty().write("n1", NOTHING, "milk");
    VersionVector aliceSaw = cart.read().context();
    cart = cart.write("n1", NOTHING, "eggs");
    assertEquals(List.of("milk", "eggs"), cart.read().values(), "bob never read: siblings");

    cart = cart.write("n1", aliceSaw, "milk,flour");
    assertEquals(
        List.of("eggs", "milk,flour"),
        cart.read().values(),
        "alice's write replaces only the milk she had seen, not bob's eggs");
    assertEquals("{eggs@n1:2 milk,flour@n1:3} [n1:3]", cart.describe());

    CausalRegister.Read bobReads = cart.read();
    assertTrue(bobReads.conflicted());
    cart = cart.write("n1", bobReads.context(), "eggs,milk,flour");
    assertEquals(List.of("eggs,milk,flour"), cart.read().values());
    assertFalse(cart.read().conflicted());
    assertEquals("{eggs,milk,flour@n1:4} [n1:4]", cart.describe());
  }

  @Test
  void writesAtTwoCoordinatorsThatNeverSawEachOtherBecomeSiblingsOnMerge() {
    CausalRegister atN1 = CausalRegister.empty().write("n1", NOTHING, "a");
    CausalRegister atN2 = CausalRegister.empty().write("n2", NOTHING, "b");
    CausalRegister merged = atN1.merge(atN2);
    assertEquals(List.of("a", "b"), merged.read().values());
    assertEquals("{a@n1:1 b@n2:1} [n1:1 n2:1]", merged.describe());

    CausalRegister resolved = merged.write("n2", merged.read().context(), "ab");
    assertEquals(List.of("ab"), resolved.merge(atN1).read().values(), "a was overwritten");
    assertEquals(List.of("ab"), atN2.merge(resolved).read().values());
  }

  @Test
  void aDeleteLeavesATombstoneThatReadsAsDeletedAndReplicates() {
    CausalRegister written = CausalRegister.empty().write("n1", NOTHING, "x");
    CausalRegister deleted = written.write("n1", written.read().context(), null);
    CausalRegister.Read read = deleted.read();
    assertEquals(List.of(), read.values());
    assertTrue(read.deleted());
    assertFalse(read.found());
    assertEquals("{(deleted)@n1:2} [n1:2]", deleted.describe());
    assertTrue(written.merge(deleted).read().deleted(), "the tombstone overwrites x elsewhere");

    CausalRegister.Read never = CausalRegister.empty().read();
    assertFalse(never.deleted(), "a key never written is absent, not deleted");
    assertFalse(never.found());
  }

  @Test
  void aWriteConcurrentWithADeleteSurvivesBesideTheTombstone() {
    CausalRegister base = CausalRegister.empty().write("n1", NOTHING, "x");
    VersionVector seen = base.read().context();
    CausalRegister deletedAtN1 = base.write("n1", seen, null);
    CausalRegister rewrittenAtN2 = base.write("n2", seen, "y");
    CausalRegister merged = deletedAtN1.merge(rewrittenAtN2);
    assertEquals(List.of("y"), merged.read().values());
    assertFalse(merged.read().deleted());
    assertEquals(2, merged.siblings().size(), "the tombstone is still a sibling");
  }

  @Test
  void theNewDotIsOnePastEverythingTheReplicaOrTheClientHasSeen() {
    CausalRegister atN2 = CausalRegister.empty().write("n2", NOTHING, "old");
    // The client read from a replica that had seen more of n2's writes than n2 still holds.
    VersionVector client = VersionVector.empty().add(new Dot("n2", 5));
    CausalRegister next = atN2.write("n2", client, "new");
    assertEquals(List.of(new CausalRegister.Sibling(new Dot("n2", 6), "new")), next.siblings());
    assertEquals(new Dot("n2", 2), atN2.write("n2", NOTHING, "v").siblings().get(1).dot());
  }

  @Test
  void aDotWithTwoValuesIsAProgrammingErrorAndFailsFast() {
    CausalRegister one = CausalRegister.empty().write("n1", NOTHING, "a");
    CausalRegister other = CausalRegister.empty().write("n1", NOTHING, "b");
    assertThrows(IllegalStateException.class, () -> one.merge(other));
  }

  @Test
  void hasSeenTellsAStaleReplicaFromAnUpToDateOne() {
    CausalRegister old = CausalRegister.empty().write("n1", NOTHING, "a");
    CausalRegister newer = old.write("n2", old.read().context(), "b");
    assertTrue(newer.hasSeen(old));
    assertFalse(old.hasSeen(newer));
    assertTrue(old.hasSeen(CausalRegister.empty()));
  }

  @Test
  void mergeIsAJoinOnRandomHistories() {
    for (long seed = 1; seed <= 60; seed++) {
      World world = World.run(seed, 4, 60);
      MergeLaws.assertJoin(seed, world.seen, CausalRegister::merge, 150);
    }
  }

  @Test
  void afterGossipEveryReplicaHoldsExactlyTheWritesNoClientOverwrote() {
    for (long seed = 1; seed <= 100; seed++) {
      World world = World.run(seed, 4, 80);
      CausalRegister all = CausalRegister.empty();
      for (CausalRegister replica : world.replicas) {
        all = all.merge(replica);
      }
      for (CausalRegister replica : world.replicas) {
        assertEquals(all, replica.merge(all), "seed " + seed + ": gossip converges");
      }
      TreeSet<Dot> expected = new TreeSet<>();
      for (World.Write write : world.writes) {
        if (world.writes.stream().noneMatch(later -> later.clientContext.covers(write.dot))) {
          expected.add(write.dot);
        }
      }
      TreeSet<Dot> actual = new TreeSet<>();
      all.siblings().forEach(sibling -> actual.add(sibling.dot()));
      assertEquals(expected, actual, "seed " + seed + ": no concurrent write lost, none revived");
    }
  }

  /**
   * Replicas of one key: clients read a context from one replica (or write blind) and write through
   * another; replicas gossip whole states now and then.
   */
  private static final class World {
    record Write(Dot dot, VersionVector clientContext) {}

    final List<CausalRegister> replicas = new ArrayList<>();
    final List<CausalRegister> seen = new ArrayList<>();
    final List<Write> writes = new ArrayList<>();

    static World run(long seed, int size, int steps) {
      SplittableRandom random = new SplittableRandom(seed);
      World world = new World();
      for (int i = 0; i < size; i++) {
        world.replicas.add(CausalRegister.empty());
      }
      for (int step = 0; step < steps; step++) {
        int target = random.nextInt(size);
        CausalRegister state = world.replicas.get(target);
        CausalRegister next =
            random.nextInt(5) < 3
                ? world.write(random, target, state)
                : state.merge(world.replicas.get(random.nextInt(size)));
        world.replicas.set(target, next);
        world.seen.add(next);
      }
      return world;
    }

    private CausalRegister write(SplittableRandom random, int target, CausalRegister state) {
      VersionVector context =
          random.nextInt(4) == 0
              ? VersionVector.empty()
              : replicas.get(random.nextInt(replicas.size())).read().context();
      String value = random.nextInt(6) == 0 ? null : "v" + random.nextInt(3);
      CausalRegister next = state.write("n" + (target + 1), context, value);
      // The new dot is the coordinator's newest event, which the new context ends with.
      String coordinator = "n" + (target + 1);
      writes.add(new Write(new Dot(coordinator, next.context().get(coordinator)), context));
      return next;
    }
  }
}
