package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.Result;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a leader-follower cluster shows: create, faults, status, lag, logs and a key's copies. */
final class LeaderFollowerViews {
  private LeaderFollowerViews() {}

  static Result created(LeaderFollower cluster, long seed) {
    var config = cluster.cluster().spec();
    List<Result.NodeRow> rows = nodeRows(cluster);
    StringBuilder text =
        new StringBuilder(
            "created a leader-follower cluster of "
                + config.nodes()
                + (config.nodes() == 1 ? " node" : " nodes")
                + " (seed "
                + seed
                + "): ");
    for (Node node : cluster.nodes()) {
      text.append(node.id())
          .append(node.id().equals("n1") ? " (leader" : " (follower")
          .append(config.regions().size() > 1 ? ", " + node.region() : "")
          .append(") ");
    }
    text.setLength(text.length() - 1);
    text.append("\ncommit rule: setquorum ")
        .append(cluster.policy().describe())
        .append(" (")
        .append(modeName(cluster.policy(), false))
        .append(")");
    return new Result.Created(
        "leader-follower", rows, cluster.policy().describe(), text.toString());
  }

  static String faultDone(LeaderFollower cluster, Command.Fault.Kind kind, String node) {
    String text;
    switch (kind) {
      case CRASH -> {
        text =
            node
                + " crashed: its volatile state is gone; its log (offset "
                + cluster.node(node).receivedOffset()
                + ") survives";
      }
      case RESTART -> {
        Node restarted = cluster.node(node);
        text =
            node
                + " restarted from its log at offset "
                + restarted.receivedOffset()
                + (restarted.isActiveLeader()
                    ? " believing it still leads epoch "
                        + restarted.epoch()
                        + "; it steps down if it learns of a newer one"
                    : " and will catch up from the leader");
      }
      case PAUSE -> text = dev.replab.engine.model.FaultTexts.paused(node);
      case RESUME -> text = dev.replab.engine.model.FaultTexts.resumed(node);
      default -> throw new IllegalStateException("unknown fault " + kind);
    }
    return text;
  }

  static Result status(LeaderFollower cluster) {
    List<Result.NodeRow> rows = nodeRows(cluster);
    Node leader = cluster.leader();
    QuorumPolicy policy = cluster.policy();
    String mode = leader == null ? "no leader" : modeName(policy, leader.fellBack());
    List<String> cuts = cutLinks(cluster);
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "t=%s  leader-follower  leader %s  mode %s (setquorum %s)%n",
            Durations.format(cluster.sim().nowUs()),
            leader == null ? "none" : leader.id(),
            mode,
            policy.describe()));
    text.append(
        String.format(
            Locale.ROOT,
            "%-5s %-9s %-8s %-7s %8s %8s %6s %9s %6s  %s%n",
            "node",
            "role",
            "state",
            "region",
            "received",
            "applied",
            "lag",
            "lag_ms",
            "epoch",
            "follows"));
    for (Result.NodeRow row : rows) {
      // A crashed node measures nothing, and a leader lags behind no one.
      boolean noLag =
          leader == null || row.id().equals(leader.id()) || row.state().equals("crashed");
      text.append(
          String.format(
              Locale.ROOT,
              "%-5s %-9s %-8s %-7s %8d %8d %6s %9s %6d  %s%n",
              row.id(),
              row.role(),
              row.state(),
              row.region(),
              row.offset(),
              row.applied(),
              noLag ? "-" : String.valueOf(row.lag()),
              noLag ? "-" : String.format(Locale.ROOT, "%.2f", row.lagMs()),
              row.epoch(),
              follows(row, rows, leader)));
    }
    if (!cuts.isEmpty()) {
      text.append("cut links: ").append(String.join(", ", cuts)).append('\n');
    }
    text.append("failover: ").append(cluster.failover().describe()).append('\n');
    return new Result.Status(
        "leader-follower",
        mode,
        policy.describe(),
        leader == null ? null : leader.id(),
        cluster.failover().describe(),
        rows,
        cuts,
        text.toString().stripTrailing());
  }

  /**
   * The status column that says whom a node follows: nothing for a node that believes it leads, and
   * a word of warning when a follower still points at a leader that is down or was replaced.
   */
  private static String follows(Result.NodeRow row, List<Result.NodeRow> rows, Node leader) {
    String target = row.leader();
    if (target == null || target.equals(row.id()) || row.role().equals("leader")) {
      return "-";
    }
    for (Result.NodeRow other : rows) {
      if (other.id().equals(target) && !other.state().equals("up")) {
        return target + " (" + other.state() + ")";
      }
    }
    if (leader != null && !leader.id().equals(target)) {
      return target + " (no longer leads)";
    }
    return target;
  }

  private static List<String> cutLinks(LeaderFollower cluster) {
    List<String> cuts = new ArrayList<>();
    for (String a : cluster.nodeIds()) {
      for (String b : cluster.nodeIds()) {
        if (!a.equals(b) && cluster.network().isCut(a, b)) {
          cuts.add(a + "->" + b);
        }
      }
    }
    return cuts;
  }

  static List<Result.NodeRow> nodeRows(LeaderFollower cluster) {
    Node leader = cluster.leader();
    long now = cluster.sim().nowUs();
    List<Result.NodeRow> rows = new ArrayList<>();
    for (Node node : cluster.nodes()) {
      long lag = leader == null ? 0 : Math.max(0, leader.log().lastOffset() - node.appliedOffset());
      double lagMs =
          leader == null || lag == 0
              ? 0
              : Durations.toMs(now - leader.log().get(node.appliedOffset() + 1).writtenUs());
      rows.add(
          new Result.NodeRow(
              node.id(),
              node.role().name().toLowerCase(Locale.ROOT),
              node.state() == NodeState.UP,
              node.state().name().toLowerCase(Locale.ROOT),
              node.region(),
              node.receivedOffset(),
              node.appliedOffset(),
              lag,
              lagMs,
              node.epoch(),
              node.leaderId()));
    }
    return rows;
  }

  static String modeName(QuorumPolicy policy, boolean fellBack) {
    if (fellBack) {
      String resumes = policy.kind() == QuorumPolicy.Kind.ALL ? "sync" : "semi-sync";
      return "async (fell back after a commit timeout; "
          + resumes
          + " resumes when followers catch up)";
    }
    return switch (policy.kind()) {
      case ASYNC -> "async";
      case ALL -> "sync (waits for every follower)";
      case FIRST ->
          "semi-sync (waits for the first " + policy.k() + " connected of a priority list)";
      case ANY ->
          "semi-sync (waits for any "
              + policy.k()
              + (policy.k() == 1 ? " follower" : " followers")
              + ")";
    };
  }

  static Result lag(LeaderFollower cluster) {
    Node leader = cluster.leader();
    if (leader == null) {
      return new Result.Lag(
          null, 0, List.of(), "no leader is up, so there is nothing to lag behind");
    }
    long now = cluster.sim().nowUs();
    List<Result.LagRow> rows = new ArrayList<>();
    List<String> idle = new ArrayList<>();
    double idleReplayMs = 0;
    StringBuilder text =
        new StringBuilder(
            "leader " + leader.id() + " at offset " + leader.log().lastOffset() + "\n");
    text.append(
        String.format(
            Locale.ROOT,
            "%-5s %-8s %9s %9s %10s %12s  %s%n",
            "node",
            "state",
            "recv_lag",
            "apply_lag",
            "lag_ms",
            "replay_age",
            "lag_ms over the last 6s"));
    var history = cluster.lagHistory();
    for (Node node : cluster.nodes()) {
      if (node == leader) {
        continue;
      }
      if (node.state() == NodeState.CRASHED) {
        text.append(
            String.format(
                Locale.ROOT,
                "%-5s %-8s %s%n",
                node.id(),
                "crashed",
                "  (down: nothing to measure until it restarts)"));
        continue;
      }
      long receivedLag = Math.max(0, leader.log().lastOffset() - node.receivedOffset());
      var reading = cluster.measureLag(node);
      long appliedLag = reading.entries();
      double lagMs = Durations.toMs(reading.lagUs());
      double replayMs = Durations.toMs(reading.replayLagUs());
      if (appliedLag == 0
          && reading.replayLagUs() > 10 * cluster.heartbeat()
          && reading.replayLagUs() > 1_000_000) {
        idle.add(node.id());
        idleReplayMs = Math.max(idleReplayMs, replayMs);
      }
      rows.add(new Result.LagRow(node.id(), receivedLag, appliedLag, lagMs, replayMs));
      List<Double> recent = new ArrayList<>();
      List<LeaderFollower.LagSample> samples = history.getOrDefault(node.id(), List.of());
      for (LeaderFollower.LagSample sample :
          samples.subList(Math.max(0, samples.size() - 60), samples.size())) {
        recent.add(sample.lagUs() / 1_000.0);
      }
      double peak = recent.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      String spark =
          recent.isEmpty()
              ? ""
              : dev.replab.engine.render.Sparkline.of(recent, 30, true)
                  + String.format(Locale.ROOT, " max %.1f", peak);
      text.append(
          String.format(
              Locale.ROOT,
              "%-5s %-8s %9d %9d %10.2f %12.2f  %s%n",
              node.id(),
              node.state().name().toLowerCase(Locale.ROOT),
              receivedLag,
              appliedLag,
              lagMs,
              replayMs,
              spark));
    }
    text.append(
        "lag_ms: how long the follower has been missing the leader's oldest write it has not applied (0 when caught up)\n");
    text.append(
        "replay_age: now minus when its last applied write was made; it grows on an idle leader even with nothing missing");
    if (!idle.isEmpty()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%nnote: %s %s missing nothing, yet the replay age reads %s: the leader has written nothing for that long."
                  + " A PostgreSQL-style alert on now() - pg_last_xact_replay_timestamp() would fire on an idle but healthy cluster;"
                  + " alert on entries behind, or on replay age only while writes flow.",
              String.join(", ", idle),
              idle.size() == 1 ? "is" : "are",
              Durations.format(Math.round(idleReplayMs * 1_000))));
    }
    return new Result.Lag(leader.id(), leader.log().lastOffset(), rows, text.toString());
  }

  static Result log(LeaderFollower cluster, LeaderFollowerCommands.Log command) {
    Node node = cluster.node(command.node());
    long last = node.log().lastOffset();
    long from = Math.max(1, last - command.last() + 1);
    List<Result.LogRow> rows = new ArrayList<>();
    StringBuilder text =
        new StringBuilder(
            node.id()
                + " log: "
                + last
                + (last == 1 ? " entry" : " entries")
                + ", applied to "
                + node.appliedOffset()
                + (node.isActiveLeader() ? ", committed to " + node.commitOffset() : "")
                + "\n");
    if (from > 1) {
      text.append("  ... ").append(from - 1).append(" earlier\n");
    }
    for (long offset = from; offset <= last; offset++) {
      var entry = node.log().get(offset);
      boolean applied = offset <= node.appliedOffset();
      boolean committed = node.isActiveLeader() ? offset <= node.commitOffset() : applied;
      rows.add(
          new Result.LogRow(offset, entry.epoch(), entry.key(), entry.value(), applied, committed));
      text.append(
          String.format(
              Locale.ROOT,
              "  %4d  epoch %d  %-24s %s%n",
              offset,
              entry.epoch(),
              entry.value() == null ? "delete " + entry.key() : entry.key() + "=" + entry.value(),
              applied ? "applied" : "received"));
    }
    return new Result.LogListing(
        node.id(), last, node.appliedOffset(), rows, text.toString().stripTrailing());
  }

  static Result inspect(LeaderFollower cluster, String key) {
    var latest = cluster.latestCommitted(key);
    Versioned newest = latest == null ? Versioned.NONE : latest.version();
    List<Result.Replica> replicas = new ArrayList<>();
    StringBuilder text =
        new StringBuilder(
            "key "
                + key
                + ": newest committed "
                + (latest == null
                    ? "none"
                    : (latest.value() == null ? "delete" : latest.value())
                        + " at offset "
                        + latest.offset())
                + "\n");
    for (Node node : cluster.nodes()) {
      Versioned seen = node.valueOf(key);
      boolean stale = newest.newerThan(seen);
      replicas.add(new Result.Replica(node.id(), seen.value(), seen.offset(), seen.epoch(), stale));
      String state = node.state() == NodeState.CRASHED ? "  (crashed: nothing in memory)" : "";
      text.append(
          String.format(
              Locale.ROOT,
              "  %-4s %-12s offset %-4d%s%s%n",
              node.id(),
              seen.value() == null ? "(none)" : seen.value(),
              seen.offset(),
              stale ? "  stale" : "",
              state));
    }
    return new Result.Inspection(
        key,
        latest == null ? null : latest.value(),
        latest == null ? 0 : latest.offset(),
        replicas,
        text.toString().stripTrailing());
  }
}
