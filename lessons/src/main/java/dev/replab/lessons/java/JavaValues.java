package dev.replab.lessons.java;

import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.leaderfollower.Node;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code :java} shows the engine's objects: a node as its id, role, state, epoch and offsets, a
 * list of nodes as one such line each, rather than {@code Node@305f031}. JShell calls {@link #show}
 * on each expression's value through this class, which both sides load; values it does not know are
 * left to JShell's own printing.
 */
public final class JavaValues {
  private JavaValues() {}

  /** Prints the value readably when it is one the engine knows; says whether it did. */
  public static boolean show(Object value) {
    String text = text(value);
    if (text == null) {
      return false;
    }
    System.out.print(text);
    return true;
  }

  /** A readable picture of an engine value, or null when JShell's printing is as good. */
  static String text(Object value) {
    if (value instanceof Node node) {
      return node(node);
    }
    if (value instanceof Collection<?> items
        && !items.isEmpty()
        && items.stream().allMatch(Node.class::isInstance)) {
      StringBuilder text = new StringBuilder();
      for (Object item : items) {
        text.append(node((Node) item)).append('\n');
      }
      return text.toString().stripTrailing();
    }
    if (value instanceof Map<?, ?> map
        && !map.isEmpty()
        && map.values().stream().allMatch(Node.class::isInstance)) {
      return text(map.values());
    }
    return null;
  }

  private static String node(Node node) {
    return String.format(
        Locale.ROOT,
        "%s %s%s, epoch %d, received %d, applied %d%s",
        node.id(),
        node.role().name().toLowerCase(Locale.ROOT),
        node.state() == NodeState.UP
            ? ""
            : " (" + node.state().name().toLowerCase(Locale.ROOT) + ")",
        node.epoch(),
        node.receivedOffset(),
        node.appliedOffset(),
        node.region() == null ? "" : ", region " + node.region());
  }
}
