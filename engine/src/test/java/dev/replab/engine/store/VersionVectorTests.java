package dev.replab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VersionVectorTests {
  private static VersionVector vv(Object... nodeThenCounter) {
    VersionVector vector = VersionVector.empty();
    for (int i = 0; i < nodeThenCounter.length; i += 2) {
      vector = vector.add(new Dot((String) nodeThenCounter[i], (Integer) nodeThenCounter[i + 1]));
    }
    return vector;
  }

  @Test
  void incrementCountsOneMoreEventAtThatNodeAndLeavesTheOriginalAlone() {
    VersionVector before = vv("n1", 2);
    VersionVector after = before.increment("n1").increment("n3");
    assertEquals(2, before.get("n1"), "immutable");
    assertEquals(3, after.get("n1"));
    assertEquals(1, after.get("n3"));
    assertEquals(0, after.get("n2"), "an absent node has seen nothing");
  }

  @Test
  void describeListsNodesInCountingOrder() {
    assertEquals("[n1:2 n3:1]", vv("n3", 1, "n1", 2).describe());
    assertEquals("[n2:1 n10:4]", vv("n10", 4, "n2", 1).describe(), "n2 before n10");
    assertEquals("[]", VersionVector.empty().describe());
  }

  @Test
  void mergeTakesThePointwiseMaximum() {
    assertEquals(vv("n1", 3, "n2", 5, "n3", 1), vv("n1", 3, "n2", 1).merge(vv("n2", 5, "n3", 1)));
  }

  @Test
  void compareNamesAllFourRelations() {
    VersionVector base = vv("n1", 1, "n2", 1);
    assertEquals(Causality.EQUAL, base.compare(vv("n2", 1, "n1", 1)));
    assertEquals(Causality.BEFORE, base.compare(base.increment("n2")));
    assertEquals(Causality.AFTER, base.increment("n3").compare(base));
    assertEquals(Causality.CONCURRENT, base.increment("n1").compare(base.increment("n2")));
    assertEquals(Causality.BEFORE, VersionVector.empty().compare(base));
  }

  @Test
  void dominatesIsStrictAndDescendsIsNot() {
    VersionVector base = vv("n1", 1);
    VersionVector later = base.increment("n2");
    assertTrue(later.dominates(base));
    assertFalse(base.dominates(base));
    assertTrue(base.descends(base));
    assertTrue(later.descends(base));
    assertFalse(base.descends(later));
    VersionVector other = base.increment("n3");
    assertFalse(later.descends(other), "concurrent versions descend from neither");
    assertFalse(other.descends(later));
  }

  @Test
  void zeroCountersAreNotStoredSoEqualKnowledgeIsEqual() {
    VersionVector withZero = VersionVector.of(Map.of("n1", 2L, "n2", 0L));
    assertEquals(vv("n1", 2), withZero);
    assertEquals(vv("n1", 2).hashCode(), withZero.hashCode());
    assertEquals("[n1:2]", withZero.describe());
    assertNotEquals(vv("n1", 2), vv("n1", 3));
    assertThrows(IllegalArgumentException.class, () -> VersionVector.of(Map.of("n1", -1L)));
  }

  @Test
  void coversAndNextDotSpeakOfSingleEvents() {
    VersionVector vector = vv("n1", 2);
    assertTrue(vector.covers(new Dot("n1", 1)));
    assertTrue(vector.covers(new Dot("n1", 2)));
    assertFalse(vector.covers(new Dot("n1", 3)));
    assertFalse(vector.covers(new Dot("n2", 1)));
    assertEquals(new Dot("n1", 3), vector.nextDot("n1"));
    assertEquals(new Dot("n2", 1), vector.nextDot("n2"));
  }

  @Test
  void compareIsAntisymmetricAndMergeIsTheLeastUpperBound() {
    for (long seed = 1; seed <= 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      VersionVector a = randomVector(random);
      VersionVector b = randomVector(random);
      String context = "seed " + seed + ": " + a + " vs " + b;
      assertEquals(a.compare(b).reversed(), b.compare(a), context);
      VersionVector join = a.merge(b);
      assertTrue(join.descends(a) && join.descends(b), context);
      assertEquals(a.descends(b), join.equals(a), context);
      assertEquals(a.compare(b) == Causality.EQUAL, a.equals(b), context);
    }
  }

  @Test
  void mergeIsAJoin() {
    for (long seed = 1; seed <= 50; seed++) {
      List<VersionVector> states =
          MergeLaws.history(
              seed,
              VersionVector.empty(),
              3,
              40,
              MergeLaws.ignoringRandom(VersionVector::increment),
              VersionVector::merge);
      MergeLaws.assertJoin(seed, states, VersionVector::merge, 100);
    }
  }

  private static VersionVector randomVector(SplittableRandom random) {
    VersionVector vector = VersionVector.empty();
    for (int node = 1; node <= 3; node++) {
      int counter = random.nextInt(3);
      if (counter > 0) {
        vector = vector.add(new Dot("n" + node, counter));
      }
    }
    return vector;
  }
}
