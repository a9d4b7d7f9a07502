package dev.replab.engine.leaderless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MerkleTreeTests {
  private static Map<String, String> keys(int count) {
    Map<String, String> digests = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      digests.put("key" + i, "[n1:" + (1 + i % 7) + "]");
    }
    return digests;
  }

  @Test
  void identicalReplicasCompareOnlyTheirRoots() {
    Map<String, String> digests = keys(10_000);
    Map<String, String> reversed = new LinkedHashMap<>();
    List<String> backwards = new ArrayList<>(digests.keySet());
    Collections.reverse(backwards);
    backwards.forEach(key -> reversed.put(key, digests.get(key)));
    MerkleTree mine = MerkleTree.build(digests);
    MerkleTree theirs = MerkleTree.build(reversed);
    assertEquals(mine.root(), theirs.root(), "the root depends on contents, not insertion order");
    MerkleTree.Diff diff = mine.diff(theirs);
    assertTrue(diff.inSync());
    assertEquals(1, diff.hashesCompared());
    assertEquals(0, diff.entriesExchanged());
  }

  @Test
  void oneChangedKeyIsFoundByComparingDepthTimesFanoutHashes() {
    Map<String, String> digests = keys(10_000);
    MerkleTree before = MerkleTree.build(digests);
    digests.put("key4242", "[n1:7 n2:1]");
    MerkleTree after = MerkleTree.build(digests);
    assertNotEquals(before.root(), after.root());
    MerkleTree.Diff diff = before.diff(after);
    assertEquals(Set.of("key4242"), diff.keys());
    assertEquals(List.of(before.leafOf("key4242")), diff.leaves());
    assertEquals(1 + MerkleTree.DEFAULT_DEPTH * MerkleTree.DEFAULT_FANOUT, diff.hashesCompared());
  }

  @Test
  void threeDifferencesInTenThousandKeysCostAFewHashesNotAFullScan() {
    Map<String, String> mine = keys(10_000);
    Map<String, String> theirs = new TreeMap<>(mine);
    theirs.put("key17", "[n2:1]");
    theirs.remove("key5000");
    theirs.put("brand-new", "[n3:1]");
    MerkleTree.Diff diff = MerkleTree.build(mine).diff(MerkleTree.build(theirs));
    assertEquals(Set.of("brand-new", "key17", "key5000"), diff.keys());
    // Measured: 113 hashes compared and 18 key digests exchanged, against 10 000 for a full scan.
    int bound = 1 + 3 * MerkleTree.DEFAULT_DEPTH * MerkleTree.DEFAULT_FANOUT;
    assertTrue(diff.hashesCompared() <= bound, () -> diff.hashesCompared() + " hashes");
    assertTrue(diff.entriesExchanged() < 100, () -> diff.entriesExchanged() + " entries");
  }

  @Test
  void randomDifferencesAreAllFoundAndNothingElse() {
    int[][] shapes = {{1, 2}, {2, 4}, {3, 16}, {4, 8}, {1, 64}};
    for (long seed = 1; seed <= 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int[] shape = shapes[(int) (seed % shapes.length)];
      Map<String, String> mine = new TreeMap<>();
      int count = random.nextInt(400);
      for (int i = 0; i < count; i++) {
        mine.put("k" + random.nextInt(1_000), "v" + random.nextInt(3));
      }
      Map<String, String> theirs = new TreeMap<>(mine);
      for (int changes = random.nextInt(12); changes > 0; changes--) {
        String key = "k" + random.nextInt(1_000);
        switch (random.nextInt(3)) {
          case 0 -> theirs.remove(key);
          case 1 -> theirs.put(key, "v" + random.nextInt(3));
          default -> theirs.put(key, "other");
        }
      }
      MerkleTree left = MerkleTree.build(mine, shape[0], shape[1]);
      MerkleTree right = MerkleTree.build(theirs, shape[0], shape[1]);
      String context = "seed " + seed + ", shape " + shape[0] + "x" + shape[1];
      assertEquals(bruteForce(mine, theirs), left.diff(right).keys(), context);
      assertEquals(left.diff(right).keys(), right.diff(left).keys(), context);
      assertEquals(left.diff(right).hashesCompared(), right.diff(left).hashesCompared(), context);
      assertEquals(mine.equals(theirs), left.root() == right.root(), context);
    }
  }

  @Test
  void eachLeafCoversOneContiguousRangeOfTheKeyHashSpace() {
    MerkleTree tree = MerkleTree.build(Map.of(), 2, 16);
    List<String> byHash = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      byHash.add("key" + i);
    }
    byHash.sort(Comparator.comparing(Ring::position, Long::compareUnsigned));
    int previous = 0;
    for (String key : byHash) {
      int leaf = tree.leafOf(key);
      assertTrue(leaf >= previous && leaf < tree.leafCount(), key);
      previous = leaf;
    }
    assertEquals(tree.leafCount() - 1, previous, "2 000 keys reach the last of 256 leaves");
  }

  @Test
  void anEmptyReplicaDiffersFromAFullOneInEveryKey() {
    MerkleTree empty = MerkleTree.build(Map.of());
    MerkleTree full = MerkleTree.build(keys(50));
    assertEquals(0, empty.root());
    assertEquals(new TreeSet<>(keys(50).keySet()), empty.diff(full).keys());
    assertEquals(50, empty.diff(full).entriesExchanged());
    assertEquals(4096, empty.leafCount());
  }

  @Test
  void shapesMustMatchAndMakeSense() {
    MerkleTree deep = MerkleTree.build(keys(5), 3, 16);
    MerkleTree shallow = MerkleTree.build(keys(5), 2, 16);
    assertThrows(IllegalArgumentException.class, () -> deep.diff(shallow));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.build(Map.of(), 2, 3));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.build(Map.of(), 0, 16));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.build(Map.of(), 6, 16));
    assertTrue(deep.describe().startsWith("3 levels of 16, 4096 leaves, 5 keys, root "));
  }

  private static Set<String> bruteForce(Map<String, String> a, Map<String, String> b) {
    TreeSet<String> all = new TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    all.removeIf(key -> a.containsKey(key) && b.containsKey(key) && a.get(key).equals(b.get(key)));
    return all;
  }
}
