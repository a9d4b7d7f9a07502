package dev.replab.engine.store;

/**
 * One write event: the node that coordinated it and that node's counter for the key at the time.
 *
 * <p>A dot names a single version exactly, where a version vector names a whole causal past; this
 * is what lets a replica tell two concurrent writes coordinated by the same node apart (Preguiça et
 * al., "Dotted Version Vectors").
 *
 * @param node the coordinating node
 * @param counter the node's event number, starting at 1
 */
public record Dot(String node, long counter) implements Comparable<Dot> {
  public Dot {
    if (node == null || node.isEmpty()) {
      throw new IllegalArgumentException("a dot needs a node");
    }
    if (counter < 1) {
      throw new IllegalArgumentException("a dot's counter starts at 1, not " + counter);
    }
  }

  /** Orders dots by node (as {@link NodeOrder} does), then by counter. */
  @Override
  public int compareTo(Dot other) {
    int byNode = NodeOrder.INSTANCE.compare(node, other.node);
    return byNode != 0 ? byNode : Long.compare(counter, other.counter);
  }

  /** {@code n1:3}. */
  public String describe() {
    return node + ":" + counter;
  }

  @Override
  public String toString() {
    return describe();
  }
}
