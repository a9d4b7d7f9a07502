package dev.replab.engine.leaderless;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A hash tree over one replica's keys, so two replicas can find the keys they disagree on by
 * exchanging a few hashes instead of every key (anti-entropy in Dynamo and Cassandra).
 *
 * <p>The shape is fixed: {@code depth} levels below the root, each node with {@code fanout}
 * children, so there are {@code fanout^depth} leaves. A key goes to the leaf named by the top bits
 * of its {@link TokenHash}: each leaf covers one contiguous range of the key-hash space, and two
 * replicas' trees line up leaf for leaf whatever keys they hold. A leaf's hash folds its (key,
 * digest) pairs in key order; an inner node's hash folds its children's in order; an empty subtree
 * hashes to 0. Trees are immutable: build a new one for each anti-entropy round.
 */
public final class MerkleTree {
  /** Three levels of sixteen: 4 096 leaves, a few keys each for a lesson's ten thousand keys. */
  public static final int DEFAULT_DEPTH = 3;

  public static final int DEFAULT_FANOUT = 16;

  /** A cap that keeps the node arrays small: 2^20 leaves. */
  private static final int MAX_LEAF_BITS = 20;

  private final int depth;
  private final int fanout;
  private final int bitsPerLevel;
  private final int size;

  /** levels[0] holds the root, levels[depth] the leaves. */
  private final long[][] levels;

  /** The (key, digest) pairs of each non-empty leaf, by leaf index. */
  private final SortedMap<Integer, SortedMap<String, String>> leaves;

  /**
   * What comparing two trees found, and what it cost.
   *
   * @param keys the keys whose digests differ or that only one side holds, in key order
   * @param leaves the indices of the leaves that differ, in order
   * @param hashesCompared how many pairs of node hashes the walk compared, the root included
   * @param entriesExchanged how many (key, digest) pairs both sides sent for the differing leaves
   */
  public record Diff(
      SortedSet<String> keys, List<Integer> leaves, int hashesCompared, int entriesExchanged) {
    public Diff {
      keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
      leaves = List.copyOf(leaves);
    }

    /** True when the two replicas hold the same keys with the same digests. */
    public boolean inSync() {
      return keys.isEmpty();
    }
  }

  private MerkleTree(int depth, int fanout, Map<String, String> digests) {
    this.depth = depth;
    this.fanout = fanout;
    this.bitsPerLevel = Integer.numberOfTrailingZeros(fanout);
    this.size = digests.size();
    TreeMap<Integer, SortedMap<String, String>> byLeaf = new TreeMap<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(digests).entrySet()) {
      byLeaf
          .computeIfAbsent(leafOf(entry.getKey()), leaf -> new TreeMap<>())
          .put(entry.getKey(), Objects.requireNonNull(entry.getValue(), "a digest is needed"));
    }
    this.leaves = Collections.unmodifiableSortedMap(byLeaf);
    this.levels = new long[depth + 1][];
    for (int level = 0; level <= depth; level++) {
      levels[level] = new long[1 << (bitsPerLevel * level)];
    }
    byLeaf.forEach((leaf, entries) -> levels[depth][leaf] = leafHash(entries));
    for (int level = depth - 1; level >= 0; level--) {
      for (int node = 0; node < levels[level].length; node++) {
        levels[level][node] = innerHash(levels[level + 1], node * fanout);
      }
    }
  }

  /** A tree of the default shape over a replica's key → version-digest map. */
  public static MerkleTree build(Map<String, String> digests) {
    return build(digests, DEFAULT_DEPTH, DEFAULT_FANOUT);
  }

  /**
   * A tree over a replica's key → version-digest map.
   *
   * @param digests for each key the replica holds, a string that changes whenever its version does,
   *     such as the stored register's {@code describe()}
   * @param depth levels below the root, at least 1
   * @param fanout children per node, a power of two from 2 up
   */
  public static MerkleTree build(Map<String, String> digests, int depth, int fanout) {
    if (fanout < 2 || Integer.bitCount(fanout) != 1) {
      throw new IllegalArgumentException("fan-out must be a power of two from 2, not " + fanout);
    }
    if (depth < 1 || depth * Integer.numberOfTrailingZeros(fanout) > MAX_LEAF_BITS) {
      throw new IllegalArgumentException(
          "a tree of depth " + depth + " and fan-out " + fanout + " has too many or no leaves");
    }
    return new MerkleTree(depth, fanout, digests);
  }

  private static long leafHash(SortedMap<String, String> entries) {
    long hash = TokenHash.FNV_OFFSET_BASIS;
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      // The NUL keeps ("ab", "c") and ("a", "bc") apart.
      hash = TokenHash.combine(hash, TokenHash.of(entry.getKey() + '\0' + entry.getValue()));
    }
    return hash;
  }

  private long innerHash(long[] children, int first) {
    long hash = TokenHash.FNV_OFFSET_BASIS;
    boolean empty = true;
    for (int child = first; child < first + fanout; child++) {
      empty &= children[child] == 0;
      hash = TokenHash.combine(hash, children[child]);
    }
    return empty ? 0 : hash;
  }

  /** The leaf that {@code key} belongs to: the top bits of its hash. */
  public int leafOf(String key) {
    return (int) (TokenHash.of(key) >>> (Long.SIZE - bitsPerLevel * depth));
  }

  /** The root hash: equal roots mean equal contents, up to a 64-bit hash collision. */
  public long root() {
    return levels[0][0];
  }

  public int depth() {
    return depth;
  }

  public int fanout() {
    return fanout;
  }

  /** How many keys the tree covers: what a full scan would have to send. */
  public int size() {
    return size;
  }

  /** How many leaves the shape has. */
  public int leafCount() {
    return levels[depth].length;
  }

  /**
   * Finds what differs between this replica and {@code other} by walking down only the subtrees
   * whose hashes differ, as two replicas would by exchanging one level of hashes at a time.
   *
   * @throws IllegalArgumentException when the trees have different shapes
   */
  public Diff diff(MerkleTree other) {
    if (depth != other.depth || fanout != other.fanout) {
      throw new IllegalArgumentException(
          "trees of different shapes do not line up: "
              + describeShape()
              + " vs "
              + other.describeShape());
    }
    Walk walk = new Walk();
    walk.hashesCompared = 1;
    if (root() != other.root()) {
      descend(other, 0, 0, walk);
    }
    return new Diff(walk.keys, walk.leaves, walk.hashesCompared, walk.entriesExchanged);
  }

  /** Compares the children of a node known to differ, and descends into those that differ. */
  private void descend(MerkleTree other, int level, int node, Walk walk) {
    if (level == depth) {
      compareLeaf(other, node, walk);
      return;
    }
    for (int child = node * fanout; child < (node + 1) * fanout; child++) {
      walk.hashesCompared++;
      if (levels[level + 1][child] != other.levels[level + 1][child]) {
        descend(other, level + 1, child, walk);
      }
    }
  }

  private void compareLeaf(MerkleTree other, int leaf, Walk walk) {
    SortedMap<String, String> mine = leaves.getOrDefault(leaf, Collections.emptySortedMap());
    SortedMap<String, String> theirs =
        other.leaves.getOrDefault(leaf, Collections.emptySortedMap());
    walk.leaves.add(leaf);
    walk.entriesExchanged += mine.size() + theirs.size();
    TreeSet<String> keys = new TreeSet<>(mine.keySet());
    keys.addAll(theirs.keySet());
    for (String key : keys) {
      if (!Objects.equals(mine.get(key), theirs.get(key))) {
        walk.keys.add(key);
      }
    }
  }

  /** What a diff has found and counted so far. */
  private static final class Walk {
    final TreeSet<String> keys = new TreeSet<>();
    final List<Integer> leaves = new ArrayList<>();
    int hashesCompared;
    int entriesExchanged;
  }

  private String describeShape() {
    return depth + " levels of " + fanout;
  }

  /** {@code 3 levels of 16, 4096 leaves, 10000 keys, root 0123456789abcdef}. */
  public String describe() {
    return describeShape()
        + ", "
        + leafCount()
        + " leaves, "
        + size
        + " keys, root "
        + String.format(Locale.ROOT, "%016x", root());
  }

  @Override
  public String toString() {
    return describe();
  }
}
