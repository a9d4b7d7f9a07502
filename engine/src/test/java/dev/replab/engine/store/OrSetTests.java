package dev.replab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OrSetTests {
  @Test
  void addAndRemoveAtOneReplicaBehaveLikeASet() {
    OrSet set = OrSet.empty().add("n1", "milk").add("n1", "eggs").remove("milk");
    assertEquals(new TreeSet<>(Set.of("eggs")), set.value());
    assertFalse(set.contains("milk"));
    assertEquals("{eggs@n1:2} [n1:2]", set.describe());
    assertEquals(set, set.remove("flour"), "removing an absent element changes nothing");
  }

  @Test
  void aConcurrentAddWinsOverARemoveThatNeverSawIt() {
    OrSet shared = OrSet.empty().add("n1", "milk");
    OrSet removedAtN1 = shared.remove("milk");
    OrSet addedAgainAtN2 = shared.add("n2", "milk");
    assertTrue(removedAtN1.merge(addedAgainAtN2).contains("milk"), "add wins");
    assertTrue(addedAgainAtN2.merge(removedAtN1).contains("milk"));
    assertEquals("{milk@n2:1} [n1:1 n2:1]", removedAtN1.merge(addedAgainAtN2).describe());
  }

  @Test
  void aRemoveOfAnObservedAddIsNotUndoneByAStaleCopy() {
    OrSet added = OrSet.empty().add("n1", "milk");
    OrSet removed = added.remove("milk");
    assertFalse(removed.merge(added).contains("milk"), "the context remembers the removed tag");
    assertFalse(added.merge(removed).contains("milk"));
  }

  @Test
  void mergeIsAJoinOnRandomHistories() {
    for (long seed = 1; seed <= 60; seed++) {
      List<OrSet> states =
          MergeLaws.history(seed, OrSet.empty(), 3, 50, OrSetTests::randomChange, OrSet::merge);
      MergeLaws.assertJoin(seed, states, OrSet::merge, 150);
    }
  }

  @Test
  void afterGossipAnElementIsPresentExactlyWhenSomeAddOfItWasNeverObservedByARemove() {
    // A remove observes an add when the remover's context covers the add's tag, whether or not
    // the tag was still live there: a later add at a replica that had seen it replaces it.
    for (long seed = 1; seed <= 100; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<OrSet> replicas = new ArrayList<>(List.of(OrSet.empty(), OrSet.empty(), OrSet.empty()));
      // Each add's tag and element, and every tag some remove of that element observed.
      List<Dot> adds = new ArrayList<>();
      List<String> addedElement = new ArrayList<>();
      Set<Dot> removedTags = new TreeSet<>();
      for (int step = 0; step < 60; step++) {
        int target = random.nextInt(3);
        OrSet state = replicas.get(target);
        String element = "e" + random.nextInt(3);
        int pick = random.nextInt(3);
        if (pick == 0) {
          OrSet next = state.add("n" + (target + 1), element);
          adds.add(new Dot("n" + (target + 1), next.context().get("n" + (target + 1))));
          addedElement.add(element);
          replicas.set(target, next);
        } else if (pick == 1) {
          for (int i = 0; i < adds.size(); i++) {
            Dot tag = adds.get(i);
            if (addedElement.get(i).equals(element) && state.context().covers(tag)) {
              removedTags.add(tag);
            }
          }
          replicas.set(target, state.remove(element));
        } else {
          replicas.set(target, state.merge(replicas.get(random.nextInt(3))));
        }
      }
      OrSet all = replicas.get(0).merge(replicas.get(1)).merge(replicas.get(2));
      TreeSet<String> expected = new TreeSet<>();
      for (int i = 0; i < adds.size(); i++) {
        Dot tag = adds.get(i);
        if (!removedTags.contains(tag)) {
          expected.add(addedElement.get(i));
        }
      }
      assertEquals(expected, all.value(), "seed " + seed);
    }
  }

  private static OrSet randomChange(OrSet set, String node, SplittableRandom random) {
    String element = "e" + random.nextInt(3);
    return random.nextInt(3) == 0 ? set.remove(element) : set.add(node, element);
  }
}
