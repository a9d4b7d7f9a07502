package dev.replab.engine.leaderfollower;

import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.render.FrameLines;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One frame of the live view: a row per node with its role (a crown for the leader), state, a bar
 * of its log (received and applied) against the leader's, its lag and the messages on their way to
 * it, then a line of recent throughput. {@code watch} redraws it as time passes.
 */
final class WatchFrame {
  private static final int BAR = 24;

  private WatchFrame() {}

  /** The frame for the cluster as it is now. */
  static List<String> frame(LeaderFollower cluster, boolean unicode) {
    long now = cluster.sim().nowUs();
    Node leader = cluster.leader();
    long leaderEnd = leader == null ? 0 : leader.log().lastOffset();
    long scale = Math.max(1, leaderEnd);
    for (Node node : cluster.nodes()) {
      scale = Math.max(scale, node.receivedOffset());
    }
    Map<String, Integer> inFlight = FrameLines.inFlight(cluster.cluster(), now);
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "t=%-9s leader %-4s epoch %-3d setquorum %s",
            Durations.format(now),
            leader == null ? "none" : leader.id(),
            leader == null ? 0 : leader.epoch(),
            cluster.policy().describe()));
    for (Node node : cluster.nodes()) {
      lines.add(row(cluster, node, leader, scale, inFlight.getOrDefault(node.id(), 0), unicode));
    }
    lines.add(FrameLines.throughput(cluster.cluster(), now));
    return lines;
  }

  private static String row(
      LeaderFollower cluster, Node node, Node leader, long scale, int messages, boolean unicode) {
    String crown =
        node == leader
            ? (unicode ? "♛" : "*")
            : node.role() == Role.LEADER ? (unicode ? "♕" : "?") : " ";
    String state =
        node.state() == NodeState.UP
            ? (isolated(cluster, node) ? "cut off" : "up")
            : node.state().name().toLowerCase(Locale.ROOT);
    String bar = logBar(node, scale, unicode);
    String lag = "";
    if (node.state() == NodeState.CRASHED) {
      lag = "down; its log survives";
    } else if (leader != null && node != leader) {
      var reading = cluster.measureLag(node);
      lag =
          reading.entries() == 0
              ? "caught up"
              : reading.entries() + " behind, " + Durations.format(reading.lagUs());
    } else if (node == leader) {
      lag = "leads epoch " + node.epoch();
    }
    return String.format(
            Locale.ROOT,
            "%s %-3s %-9s %-8s %s %4d/%-4d %-22s %s",
            crown,
            node.id(),
            node.role().name().toLowerCase(Locale.ROOT),
            state,
            bar,
            node.appliedOffset(),
            node.receivedOffset(),
            lag,
            messages == 0 ? "" : messages + " msg" + (messages == 1 ? "" : "s") + " in flight")
        .stripTrailing();
  }

  private static boolean isolated(LeaderFollower cluster, Node node) {
    for (String other : cluster.nodeIds()) {
      if (!other.equals(node.id()) && !cluster.network().isCut(node.id(), other)) {
        return false;
      }
    }
    return cluster.nodeIds().size() > 1;
  }

  /** Applied part solid, received-but-not-applied part light, the rest empty. */
  private static String logBar(Node node, long scale, boolean unicode) {
    int applied = (int) Math.round((double) node.appliedOffset() / scale * BAR);
    int received = (int) Math.round((double) node.receivedOffset() / scale * BAR);
    StringBuilder bar = new StringBuilder(BAR + 2).append('[');
    for (int i = 0; i < BAR; i++) {
      bar.append(
          i < applied
              ? (unicode ? '█' : '#')
              : i < received ? (unicode ? '▒' : '+') : (unicode ? '·' : '.'));
    }
    return bar.append(']').toString();
  }
}
