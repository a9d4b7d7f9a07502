package dev.replab.engine.command;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.check.Checker;
import dev.replab.engine.check.Checkers;
import dev.replab.engine.check.Finding;
import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.Node;
import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.cluster.Versioned;
import dev.replab.engine.history.Operation;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The commands that look without changing anything: status, lag, log, inspect, history, check. */
final class Views {
  static final int SHOWN_FINDINGS = 10;

  private Views() {}

  static Result status(Cluster cluster) {
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
          row.id().equals(leader == null ? null : leader.id()) || row.state().equals("crashed");
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
              row.leader() == null ? "-" : row.leader()));
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

  private static List<String> cutLinks(Cluster cluster) {
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

  static List<Result.NodeRow> nodeRows(Cluster cluster) {
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

  static Result lag(Cluster cluster) {
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
      List<Cluster.LagSample> samples = history.getOrDefault(node.id(), List.of());
      for (Cluster.LagSample sample :
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

  static Result log(Cluster cluster, Command.Log command) {
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

  static Result inspect(Cluster cluster, Command.Inspect command) {
    var latest = cluster.latestCommitted(command.key());
    Versioned newest = latest == null ? Versioned.NONE : latest.version();
    List<Result.Replica> replicas = new ArrayList<>();
    StringBuilder text =
        new StringBuilder(
            "key "
                + command.key()
                + ": newest committed "
                + (latest == null
                    ? "none"
                    : (latest.value() == null ? "delete" : latest.value())
                        + " at offset "
                        + latest.offset())
                + "\n");
    for (Node node : cluster.nodes()) {
      Versioned seen = node.valueOf(command.key());
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
        command.key(),
        latest == null ? null : latest.value(),
        latest == null ? 0 : latest.offset(),
        replicas,
        text.toString().stripTrailing());
  }

  static Result history(Cluster cluster) {
    List<Result.OpRow> ops = new ArrayList<>();
    for (Operation op : cluster.history().operations()) {
      ops.add(
          new Result.OpRow(
              op.id(),
              op.client(),
              op.kind().name().toLowerCase(Locale.ROOT),
              op.key(),
              op.isWrite() ? op.written() : op.value(),
              op.node(),
              Durations.toMs(op.invokeUs()),
              op.completeUs() < 0 ? -1 : Durations.toMs(op.completeUs()),
              Executor.outcomeName(op),
              op.version(),
              op.epoch(),
              op.stale(),
              op.lost(),
              op.error()));
    }
    List<Result.EventRow> events =
        cluster.events().stream()
            .map(e -> new Result.EventRow(Durations.toMs(e.atUs()), e.node(), e.text()))
            .toList();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%-4s %-8s %-9s %-22s %-4s %s%n",
            "op",
            "invoked",
            "completed",
            "operation",
            "node",
            "outcome"));
    int eventIndex = 0;
    List<Operation> all = cluster.history().operations();
    for (Operation op : all) {
      while (eventIndex < cluster.events().size()
          && cluster.events().get(eventIndex).atUs() <= op.invokeUs()) {
        appendEvent(text, cluster.events().get(eventIndex++));
      }
      text.append(op.describe()).append('\n');
    }
    while (eventIndex < cluster.events().size()) {
      appendEvent(text, cluster.events().get(eventIndex++));
    }
    if (all.isEmpty()) {
      text.append("(no client operations yet)\n");
    }
    return new Result.HistoryListing(ops, events, text.toString().stripTrailing());
  }

  private static void appendEvent(StringBuilder text, Cluster.ClusterEvent event) {
    text.append("  -- ")
        .append(Durations.format(event.atUs()))
        .append("  ")
        .append(event.text())
        .append('\n');
  }

  static Result check(Cluster cluster, Command.Check command) {
    List<Checker> checkers =
        command.checker() == null ? Checkers.all() : List.of(Checkers.named(command.checker()));
    RunRecord record = cluster.runRecord();
    List<Result.FindingRow> findings = new ArrayList<>();
    List<Result.CheckerVerdict> verdicts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean inconclusive = false;
    for (Checker checker : checkers) {
      try {
        List<Finding> found = checker.check(record);
        int shown = 0;
        for (Finding finding : found) {
          findings.add(
              new Result.FindingRow(
                  finding.checker(),
                  finding.kind(),
                  finding.key(),
                  finding.ops(),
                  finding.explanation()));
          if (shown++ < Views.SHOWN_FINDINGS) {
            text.append(checker.name()).append(": ").append(finding.explanation()).append('\n');
          }
        }
        if (found.size() > Views.SHOWN_FINDINGS) {
          text.append(checker.name())
              .append(": ... and ")
              .append(found.size() - Views.SHOWN_FINDINGS)
              .append(" more like these\n");
        }
        verdicts.add(
            new Result.CheckerVerdict(checker.name(), found.isEmpty() ? "ok" : "anomalies", null));
        if (found.isEmpty()) {
          text.append(checker.name())
              .append(": ok (")
              .append(checker.describe())
              .append(": none)\n");
        }
      } catch (Checker.Inconclusive e) {
        inconclusive = true;
        verdicts.add(new Result.CheckerVerdict(checker.name(), "inconclusive", e.getMessage()));
        text.append(checker.name()).append(": inconclusive: ").append(e.getMessage()).append('\n');
      }
    }
    String verdict = !findings.isEmpty() ? "anomalies" : inconclusive ? "inconclusive" : "ok";
    text.append("verdict: ")
        .append(verdict)
        .append(
            findings.isEmpty()
                ? ""
                : " (" + findings.size() + (findings.size() == 1 ? " finding)" : " findings)"));
    return new Result.CheckReport(findings, verdicts, verdict, text.toString());
  }
}
