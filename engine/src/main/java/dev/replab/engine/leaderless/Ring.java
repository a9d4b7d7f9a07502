package dev.replab.engine.leaderless;

import dev.replab.engine.store.NodeOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A consistent-hashing ring with virtual nodes, as Dynamo places keys on replicas.
 *
 * <p>Each node owns {@code vnodes} tokens at the positions {@link TokenHash} gives the strings
 * {@code node + "#" + i}; a key hashes to a position too, and belongs to the first token at or
 * clockwise after it. Positions are signed 64-bit numbers and clockwise means increasing, wrapping
 * from {@link Long#MAX_VALUE} to {@link Long#MIN_VALUE}. Because a node's tokens depend only on its
 * name, the ring is the same in every run and adding or removing a node moves only the keys of the
 * arcs its tokens take or give back.
 *
 * <p>Rings are immutable: {@link #add} and {@link #remove} return a new ring.
 */
public final class Ring {
  private final int vnodes;
  private final SortedSet<String> nodes;
  private final long[] positions;
  private final String[] owners;

  /** One virtual node: a position on the ring and the node that owns it. */
  public record Token(long position, String node) {}

  /**
   * One replica of a key under a sloppy quorum.
   *
   * @param node the node that stores the replica
   * @param hintFor the intended owner this node holds a hint for, or null when it is an owner
   */
  public record Placement(String node, String hintFor) {
    /** True when the node stands in for an owner that is down and must hand the write on. */
    public boolean holdsHint() {
      return hintFor != null;
    }
  }

  private Ring(int vnodes, SortedSet<String> nodes) {
    this.vnodes = vnodes;
    this.nodes = Collections.unmodifiableSortedSet(nodes);
    List<Token> tokens = new ArrayList<>();
    for (String node : nodes) {
      for (int i = 0; i < vnodes; i++) {
        tokens.add(new Token(TokenHash.of(node + "#" + i), node));
      }
    }
    // Two tokens on one position are astronomically unlikely; the node order settles them anyway.
    tokens.sort(
        (a, b) ->
            a.position() != b.position()
                ? Long.compare(a.position(), b.position())
                : NodeOrder.INSTANCE.compare(a.node(), b.node()));
    this.positions = new long[tokens.size()];
    this.owners = new String[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      positions[i] = tokens.get(i).position();
      owners[i] = tokens.get(i).node();
    }
  }

  /**
   * A ring of {@code nodes}, each with {@code vnodes} tokens.
   *
   * @throws IllegalArgumentException when vnodes is below 1 or a node id is empty
   */
  public static Ring of(int vnodes, Collection<String> nodes) {
    if (vnodes < 1) {
      throw new IllegalArgumentException("a node needs at least one token, not " + vnodes);
    }
    TreeSet<String> sorted = new TreeSet<>(NodeOrder.INSTANCE);
    for (String node : nodes) {
      if (node == null || node.isEmpty()) {
        throw new IllegalArgumentException("a ring node needs a name");
      }
      sorted.add(node);
    }
    return new Ring(vnodes, sorted);
  }

  /** This ring with {@code node}'s tokens added; the same ring when it is already there. */
  public Ring add(String node) {
    if (nodes.contains(node)) {
      return this;
    }
    TreeSet<String> grown = new TreeSet<>(nodes);
    grown.add(node);
    return of(vnodes, grown);
  }

  /** This ring without {@code node}'s tokens; the same ring when it is not there. */
  public Ring remove(String node) {
    if (!nodes.contains(node)) {
      return this;
    }
    TreeSet<String> shrunk = new TreeSet<>(nodes);
    shrunk.remove(node);
    return new Ring(vnodes, shrunk);
  }

  /** The nodes on the ring, in node order. */
  public SortedSet<String> nodes() {
    return nodes;
  }

  /** How many tokens each node owns. */
  public int vnodes() {
    return vnodes;
  }

  /** Every token, clockwise from the lowest position. */
  public List<Token> tokens() {
    List<Token> tokens = new ArrayList<>(positions.length);
    for (int i = 0; i < positions.length; i++) {
      tokens.add(new Token(positions[i], owners[i]));
    }
    return tokens;
  }

  /** Where {@code key} sits on the ring. */
  public static long position(String key) {
    return TokenHash.of(key);
  }

  /** The node that owns {@code key}: the first on its preference list. */
  public String ownerOf(String key) {
    List<String> owner = preferenceList(key, 1);
    if (owner.isEmpty()) {
      throw new IllegalStateException("an empty ring owns no keys");
    }
    return owner.get(0);
  }

  /**
   * The first {@code n} distinct nodes clockwise from {@code key}'s position: the replicas that
   * should hold it. A ring with fewer than {@code n} nodes names them all.
   */
  public List<String> preferenceList(String key, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a key needs at least one replica, not " + n);
    }
    List<String> walk = clockwise(key, n);
    return Collections.unmodifiableList(walk);
  }

  /**
   * The replicas a sloppy quorum writes to when only {@code healthy} nodes answer.
   *
   * <p>Each healthy intended owner (one of the first {@code n} distinct nodes) stores its own
   * replica. For each intended owner that is down, the walk goes on clockwise to the next healthy
   * node not yet used, which stores the replica with a hint naming the owner to hand it back to.
   * Down owners are matched with stand-ins in clockwise order. When too few nodes are healthy the
   * list is shorter than {@code n}.
   */
  public List<Placement> sloppyPreferenceList(String key, int n, Set<String> healthy) {
    if (n < 1) {
      throw new IllegalArgumentException("a key needs at least one replica, not " + n);
    }
    List<String> walk = clockwise(key, nodes.size());
    List<Placement> placements = new ArrayList<>();
    Deque<String> missing = new ArrayDeque<>();
    for (int i = 0; i < walk.size(); i++) {
      String node = walk.get(i);
      if (i < n) {
        if (healthy.contains(node)) {
          placements.add(new Placement(node, null));
        } else {
          missing.add(node);
        }
      } else if (missing.isEmpty()) {
        break;
      } else if (healthy.contains(node)) {
        placements.add(new Placement(node, missing.poll()));
      }
    }
    return Collections.unmodifiableList(placements);
  }

  /** Up to {@code limit} distinct nodes in clockwise order from {@code key}'s position. */
  private List<String> clockwise(String key, int limit) {
    List<String> found = new ArrayList<>();
    if (positions.length == 0) {
      return found;
    }
    int want = Math.min(limit, nodes.size());
    int start = firstAtOrAfter(position(key));
    for (int step = 0; step < positions.length && found.size() < want; step++) {
      String node = owners[(start + step) % positions.length];
      if (!found.contains(node)) {
        found.add(node);
      }
    }
    return found;
  }

  /** The index of the first token at or after {@code position}, wrapping to 0 past the last. */
  private int firstAtOrAfter(long position) {
    int index = Arrays.binarySearch(positions, position);
    if (index < 0) {
      index = -index - 1;
    } else {
      // Equal positions (a collision) share the key; the first of them owns it.
      while (index > 0 && positions[index - 1] == position) {
        index--;
      }
    }
    return index == positions.length ? 0 : index;
  }

  /**
   * The fraction of the hash space each node owns as the first replica: the sum of the arcs that
   * end at its tokens. The fractions add up to 1.
   */
  public SortedMap<String, Double> ownership() {
    TreeMap<String, Double> shares = new TreeMap<>(NodeOrder.INSTANCE);
    for (String node : nodes) {
      shares.put(node, 0.0);
    }
    if (nodes.size() == 1) {
      shares.put(nodes.first(), 1.0);
      return Collections.unmodifiableSortedMap(shares);
    }
    for (int i = 0; i < positions.length; i++) {
      long previous = positions[(i + positions.length - 1) % positions.length];
      // Subtraction wraps modulo 2^64, which is exactly the clockwise distance.
      double arc = TokenHash.fractionOfSpace(positions[i] - previous);
      shares.merge(owners[i], arc, Double::sum);
    }
    return Collections.unmodifiableSortedMap(shares);
  }

  /** {@code 5 nodes x 64 vnodes}. */
  public String describe() {
    return nodes.size() + " nodes x " + vnodes + " vnodes";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ring ring
        && vnodes == ring.vnodes
        && Arrays.equals(positions, ring.positions)
        && Arrays.equals(owners, ring.owners);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(positions) + Arrays.hashCode(owners);
  }

  @Override
  public String toString() {
    return describe();
  }
}
