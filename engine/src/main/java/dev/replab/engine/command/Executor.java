package dev.replab.engine.command;

import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.api.StandardCommitRule;
import dev.replab.engine.cluster.Client;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.ClusterConfig;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.cluster.FailoverSettings;
import dev.replab.engine.cluster.Node;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.load.LoadReport;
import dev.replab.engine.load.LoadRunner;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Carries out commands against a session's cluster and describes what happened. */
public final class Executor implements ParseContext {

  private final CommandRegistry registry;
  private long seed;
  private Cluster cluster;

  public Executor(CommandRegistry registry, long seed) {
    this.registry = registry;
    this.seed = seed;
  }

  public Cluster cluster() {
    return cluster;
  }

  public long seed() {
    return seed;
  }

  /** Virtual time now, in microseconds (0 before a cluster exists). */
  public long nowUs() {
    return cluster == null ? 0 : cluster.sim().nowUs();
  }

  // ---------------------------------------------------------------- parse context

  @Override
  public boolean hasCluster() {
    return cluster != null;
  }

  @Override
  public List<String> nodes() {
    return cluster == null ? List.of() : cluster.nodeIds();
  }

  @Override
  public List<String> clients() {
    return cluster == null ? List.of() : cluster.clients().stream().map(Client::name).toList();
  }

  @Override
  public String clientRegion(String client) {
    return cluster == null || !cluster.hasClient(client)
        ? null
        : cluster.client(client, null).region();
  }

  @Override
  public List<String> regions() {
    return cluster == null ? List.of() : cluster.config().regions();
  }

  @Override
  public String stateOf(String node) {
    return cluster.node(node).state().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String leaderOfRecord() {
    return cluster == null ? null : cluster.writeTarget().id();
  }

  @Override
  public String removalBreaksQuorum(String node) {
    QuorumPolicy policy = cluster.policy();
    if (policy.standbys().contains(node)) {
      return node + " is listed in setquorum " + policy.describe();
    }
    int followersAfter = cluster.nodeIds().size() - 2;
    if ((policy.kind() == QuorumPolicy.Kind.ANY || policy.kind() == QuorumPolicy.Kind.FIRST)
        && policy.standbys().isEmpty()
        && policy.k() > followersAfter) {
      return "setquorum "
          + policy.describe()
          + " needs "
          + policy.k()
          + " followers, and only "
          + followersAfter
          + " would be left";
    }
    return null;
  }

  @Override
  public boolean hasCustomRouter() {
    return cluster != null && cluster.hasCustomRouter();
  }

  @Override
  public long heartbeatUs() {
    return cluster == null ? ClusterConfig.defaults().heartbeatUs() : cluster.heartbeat();
  }

  @Override
  public long detectUs() {
    return cluster == null ? FailoverSettings.manual().detectUs() : cluster.failover().detectUs();
  }

  @Override
  public String leader() {
    Node leader = cluster == null ? null : cluster.leader();
    return leader == null ? null : leader.id();
  }

  // ---------------------------------------------------------------- commands

  Result create(Command.Create command) {
    cluster = new Cluster(new Simulation(seed), command.config());
    ClusterConfig config = command.config();
    List<Result.NodeRow> rows = Views.nodeRows(cluster);
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
        .append(Views.modeName(cluster.policy(), false))
        .append(")");
    return new Result.Created(command.model(), rows, cluster.policy().describe(), text.toString());
  }

  Result write(Command.Write command) {
    String clientName = clientFor(command.client());
    String target = command.via() != null ? command.via() : cluster.route(clientName);
    Operation op = cluster.write(clientName, command.key(), command.value(), target);
    runUntilDone(op);
    List<String> ackedBy = op.ackedBy();
    boolean fellBack = op.fellBack();
    double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
    String verb =
        command.delete()
            ? "delete " + command.key()
            : "write " + command.key() + "=" + command.value();
    StringBuilder text = new StringBuilder(verb + " via " + target + ": ");
    if (op.outcome() == Outcome.OK) {
      text.append("ok, offset ")
          .append(op.version())
          .append(" in epoch ")
          .append(op.epoch())
          .append(", ")
          .append(Result.ms(latencyMs));
      QuorumPolicy policy = cluster.policy();
      if (fellBack && latencyMs * 1_000 >= op.fellBackAfterUs()) {
        text.append("\n  the leader gave up waiting after ")
            .append(Durations.format(op.fellBackAfterUs()))
            .append(" and fell back to asynchronous replication; acknowledged by ")
            .append(ackedBy.isEmpty() ? "no follower" : String.join(", ", ackedBy));
      } else if (fellBack) {
        text.append(
            "; asynchronous: the leader has fallen back and waits for no follower until they catch up");
      } else if (!policy.isAsync()) {
        text.append("; acknowledged by ")
            .append(ackedBy.isEmpty() ? "no follower" : String.join(", ", ackedBy));
      } else {
        text.append("; asynchronous: followers will catch up");
      }
    } else {
      text.append(op.outcome().name().toLowerCase(Locale.ROOT))
          .append(" after ")
          .append(Result.ms(latencyMs))
          .append(": ")
          .append(op.error());
    }
    return new Result.WriteDone(
        command.key(),
        command.value(),
        target,
        clientName,
        outcomeName(op),
        op.version(),
        op.epoch(),
        latencyMs,
        ackedBy,
        fellBack,
        op.error(),
        text.toString());
  }

  Result read(Command.Read command) {
    String clientName = clientFor(command.client());
    Consistency level =
        command.consistency() != null
            ? command.consistency()
            : cluster.client(clientName, null).consistency();
    String target =
        command.from() != null
            ? command.from()
            : cluster.routeRead(clientName, command.key(), level, command.policy());
    long token = cluster.readToken(clientName, level);
    Operation op = cluster.read(clientName, command.key(), target, token);
    runUntilDone(op);
    double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
    Cluster.Staleness stale = op.outcome() == Outcome.OK ? cluster.staleness(op.id()) : null;
    StringBuilder text =
        new StringBuilder(
            "read "
                + command.key()
                + " from "
                + target
                + (token > 0 ? " (" + level.word() + ": waits for offset " + token + ")" : "")
                + ": ");
    if (op.outcome() == Outcome.OK) {
      text.append(op.value() == null ? "(none)" : op.value());
      if (op.version() > 0) {
        text.append(" (offset ").append(op.version()).append(")");
      }
      text.append(", ").append(Result.ms(latencyMs));
      if (stale != null) {
        text.append("\n  STALE: ").append(stale.explain());
      }
    } else {
      text.append(outcomeName(op))
          .append(" after ")
          .append(Result.ms(latencyMs))
          .append(": ")
          .append(op.error());
    }
    return new Result.ReadDone(
        command.key(),
        op.value(),
        target,
        clientName,
        outcomeName(op),
        op.version(),
        op.epoch(),
        stale != null,
        stale == null ? null : stale.latestValue(),
        stale == null ? 0 : stale.latestOffset(),
        stale == null ? 0 : stale.behindEntries(),
        stale == null ? 0 : Durations.toMs(stale.behindUs()),
        latencyMs,
        List.of(),
        op.error(),
        text.toString());
  }

  private String clientFor(String spec) {
    if (spec == null) {
      return Cluster.DEFAULT_CLIENT;
    }
    int at = spec.indexOf('@');
    String name = at < 0 ? spec : spec.substring(0, at);
    cluster.client(name, at < 0 ? null : spec.substring(at + 1));
    return name;
  }

  private void runUntilDone(Operation op) {
    cluster.sim().runUntil(() -> op.outcome() != Outcome.PENDING, Long.MAX_VALUE);
  }

  static String outcomeName(Operation op) {
    return op.outcome().name().toLowerCase(Locale.ROOT);
  }

  Result fault(Command.Fault command) {
    String node = command.node();
    String text;
    switch (command.kind()) {
      case CRASH -> {
        cluster.crash(node);
        text =
            node
                + " crashed: its volatile state is gone; its log (offset "
                + cluster.node(node).receivedOffset()
                + ") survives";
      }
      case RESTART -> {
        cluster.restart(node);
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
      case PAUSE -> {
        cluster.pause(node);
        text =
            node
                + " paused: it is frozen and does not know it; messages sent to it meanwhile are lost as its peers' connections time out";
      }
      case RESUME -> {
        cluster.resume(node);
        text =
            node
                + " resumed: it carries on as if no time had passed until messages tell it otherwise";
      }
      default -> throw new IllegalStateException("unknown fault " + command.kind());
    }
    return new Result.Message(text);
  }

  Result partition(Command.Partition command) {
    for (String source : command.sources()) {
      for (String target : command.targets()) {
        cluster.network().cut(source, target);
        if (!command.oneWay()) {
          cluster.network().cut(target, source);
        }
      }
    }
    String monitorSide = "";
    if (cluster.hasMonitor() && !command.oneWay()) {
      // The monitor runs beside the larger group, as an operator would place it.
      List<String> far =
          command.sources().size() > command.targets().size()
              ? command.targets()
              : command.sources();
      for (String node : far) {
        cluster.network().cut(cluster.monitorId(), node);
        cluster.network().cut(node, cluster.monitorId());
      }
      monitorSide =
          "; the monitor stays with "
              + String.join(" ", far == command.sources() ? command.targets() : command.sources());
    }
    String left = String.join(" ", command.sources());
    String right = String.join(" ", command.targets());
    return new Result.Message(
        command.oneWay()
            ? "messages from "
                + left
                + " to "
                + right
                + " are now dropped (the other direction still works)"
            : "partitioned: "
                + left
                + " | "
                + right
                + " (no messages cross, in either direction)"
                + monitorSide);
  }

  Result heal(Command.Heal command) {
    if (cluster == null) {
      return new Result.Message("nothing to heal: there is no cluster");
    }
    cluster.network().healAll();
    return new Result.Message("healed: every link works again");
  }

  Result link(Command.Link command) {
    cluster.network().configureLink(command.a(), command.b(), command.latency(), command.loss());
    if (!command.oneWay()) {
      cluster.network().configureLink(command.b(), command.a(), command.latency(), command.loss());
    }
    String arrow = command.oneWay() ? " -> " : " <-> ";
    StringBuilder text = new StringBuilder("link " + command.a() + arrow + command.b() + ":");
    if (command.latency() != null) {
      text.append(" latency ")
          .append(command.latency().describe())
          .append(" (mean ")
          .append(Durations.format(Math.round(command.latency().meanUs())))
          .append(")");
    }
    if (command.loss() != null) {
      text.append(" loss ").append(command.loss());
    }
    return new Result.Message(text.toString());
  }

  Result setQuorum(Command.SetQuorum command) {
    cluster.setPolicy(command.policy());
    return new Result.Message(
        "setquorum "
            + command.policy().describe()
            + ": "
            + Views.modeName(command.policy(), false));
  }

  Result promote(Command.Promote command) {
    Node before = cluster.writeTarget();
    int epoch = cluster.promote(command.node());
    Node node = cluster.node(command.node());
    String text =
        command.node()
            + " is now the leader of epoch "
            + epoch
            + " at offset "
            + node.receivedOffset()
            + "; the other nodes follow it as its heartbeats reach them";
    if (before != null && before != node && before.receivedOffset() > node.receivedOffset()) {
      long missing = before.receivedOffset() - node.receivedOffset();
      text +=
          "\n  "
              + before.id()
              + " had "
              + missing
              + (missing == 1 ? " entry" : " entries")
              + " that "
              + command.node()
              + " never received; they will be discarded when "
              + before.id()
              + " follows "
              + command.node();
    }
    return new Result.Message(text);
  }

  Result failover(Command.Failover command) {
    FailoverSettings now = cluster.failover();
    FailoverSettings next =
        new FailoverSettings(
            command.auto(),
            command.detectUs() != null ? command.detectUs() : now.detectUs(),
            command.monitor() != null ? command.monitor() : now.monitor(),
            command.fencing() != null ? command.fencing() : now.fencing(),
            command.stonith() != null ? command.stonith() : now.stonith(),
            command.redirect() != null ? command.redirect() : now.redirect(),
            command.ttlUs() != null ? command.ttlUs() : now.ttlUs());
    long heartbeat = command.heartbeatUs() != null ? command.heartbeatUs() : cluster.heartbeat();
    cluster.setFailover(next, heartbeat);
    String how =
        !next.auto()
            ? "failover is manual: use 'promote <node>' when the leader fails"
            : next.monitor()
                ? "a monitor pings the leader every "
                    + Durations.format(heartbeat)
                    + " and promotes the most up-to-date follower after "
                    + Durations.format(next.detectUs())
                    + " of silence"
                : "followers expect a heartbeat every "
                    + Durations.format(heartbeat)
                    + "; after "
                    + Durations.format(next.detectUs())
                    + " of silence they elect the most up-to-date of them by majority vote";
    return new Result.Message("failover " + next.describe() + "\n  " + how);
  }

  Result tick(Command.Tick command) {
    long before = cluster.sim().nowUs();
    cluster.sim().runUntil(before + command.durationUs());
    return timeMoved(before, true, "advanced " + Durations.format(command.durationUs()));
  }

  Result settle(Command.Settle command) {
    long before = cluster.sim().nowUs();
    Simulation sim = cluster.sim();
    long limitUs = command.limitUs();
    boolean settled = sim.runUntil(() -> !sim.busy() && !cluster.catchingUp(), before + limitUs);
    if (!settled) {
      cluster.sim().runUntil(before + limitUs);
    }
    return timeMoved(
        before,
        settled,
        settled
            ? "settled after "
                + Durations.format(cluster.sim().nowUs() - before)
                + ": nothing is in flight but heartbeats"
            : "still busy after " + Durations.format(limitUs) + "; stopped there");
  }

  private Result timeMoved(long beforeUs, boolean settled, String what) {
    long now = cluster.sim().nowUs();
    return new Result.TimeMoved(
        Durations.toMs(now - beforeUs),
        Durations.toMs(now),
        settled,
        what + "; now t=" + Durations.format(now));
  }

  Result status(Command.Status command) {
    return Views.status(cluster);
  }

  Result lag(Command.Lag command) {
    return Views.lag(cluster);
  }

  Result log(Command.Log command) {
    return Views.log(cluster, command);
  }

  Result inspect(Command.Inspect command) {
    return Views.inspect(cluster, command);
  }

  Result history(Command.History command) {
    return Views.history(cluster);
  }

  Result check(Command.Check command) {
    return Views.check(cluster, command);
  }

  Result load(Command.Load command) {
    if (!command.workload().blocking()) {
      Cluster running = cluster;
      LoadRunner.start(
          running,
          command.workload(),
          report -> running.noteLoad(LoadText.describe(command.workload(), report)));
      return new Result.Message(
          "load started in the background; it runs as time moves (tick, watch) and 'history' shows its summary when it ends");
    }
    LoadReport report = LoadRunner.run(cluster, command.workload());
    return new Result.LoadDone(
        report.ops(),
        report.reads(),
        report.writes(),
        report.failed(),
        report.elapsedMs(),
        report.throughputOpsPerSecond(),
        report.readLatency(),
        report.writeLatency(),
        report.staleShare(),
        report.anomalies(),
        report.maxLagEntries(),
        report.maxLagMs(),
        LoadText.describe(command.workload(), report));
  }

  Result sweep(Command.Sweep command) {
    ClusterConfig base = cluster != null ? cluster.config() : ClusterConfig.defaults();
    long serviceUs =
        command.serviceUs() != null
            ? command.serviceUs()
            : base.serviceUs() > 0 ? base.serviceUs() : 1_000;
    List<Result.SweepRow> rows = new ArrayList<>();
    for (int replicas : command.replicas()) {
      ClusterConfig config =
          new ClusterConfig(
              replicas,
              base.regions(),
              base.insideLatency(),
              base.wanUs(),
              base.loss(),
              base.applyUs(),
              base.heartbeatUs(),
              base.clientTimeoutUs(),
              base.policy(),
              serviceUs,
              base.readPolicy());
      Cluster fresh = new Cluster(new Simulation(seed), config);
      LoadReport report = LoadRunner.run(fresh, command.workload());
      rows.add(
          new Result.SweepRow(
              replicas,
              report.throughputOpsPerSecond(),
              report.readLatency().p50Ms(),
              report.readLatency().p99Ms(),
              report.writeLatency().p50Ms(),
              report.writeLatency().p99Ms(),
              report.staleShare()));
    }
    return new Result.SweepTable(rows, LoadText.sweep(command.workload(), serviceUs, rows));
  }

  Result addFollower(Command.AddFollower command) {
    String id = cluster.addFollower(command.region());
    return new Result.Message(
        id
            + " joined as a follower in "
            + cluster.node(id).region()
            + "; it copies the leader's log ("
            + (cluster.leader() == null ? 0 : cluster.leader().log().lastOffset())
            + " entries) before it is current");
  }

  Result remove(Command.Remove command) {
    cluster.remove(command.node());
    return new Result.Message(
        command.node() + " left the cluster; nodes are now " + String.join(" ", cluster.nodeIds()));
  }

  private dev.replab.engine.FrameSink frameSink;

  /** Lets a terminal animate {@code watch}; null prints snapshots instead. */
  public void setFrameSink(dev.replab.engine.FrameSink sink) {
    this.frameSink = sink;
  }

  Result watch(Command.Watch command) {
    if (frameSink != null) {
      return animate(command);
    }
    List<Result.Frame> frames = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    long start = cluster.sim().nowUs();
    for (int i = 1; i <= command.frames(); i++) {
      cluster.sim().runUntil(start + command.durationUs() * i / command.frames());
      List<String> lines = dev.replab.engine.render.ClusterView.frame(cluster, command.unicode());
      frames.add(new Result.Frame(Durations.toMs(cluster.sim().nowUs()), lines));
      text.append(String.join("\n", lines)).append(i < command.frames() ? "\n\n" : "");
    }
    return new Result.Frames(frames, text.toString());
  }

  private Result animate(Command.Watch command) {
    long start = cluster.sim().nowUs();
    long end = start + command.durationUs();
    long stepUs =
        Math.max(1, Math.round(command.speed() * dev.replab.engine.FrameSink.FRAME_MS * 1_000));
    List<String> lines = dev.replab.engine.render.ClusterView.frame(cluster, command.unicode());
    boolean going = frameSink.frame(lines, cluster.sim().nowUs(), stepUs);
    while (going && cluster.sim().nowUs() < end) {
      cluster.sim().runUntil(Math.min(end, cluster.sim().nowUs() + stepUs));
      lines = dev.replab.engine.render.ClusterView.frame(cluster, command.unicode());
      going = frameSink.frame(lines, cluster.sim().nowUs(), stepUs);
    }
    String how =
        going
            ? "watched " + Durations.format(cluster.sim().nowUs() - start)
            : "stopped watching after " + Durations.format(cluster.sim().nowUs() - start);
    return new Result.Frames(
        List.of(new Result.Frame(Durations.toMs(cluster.sim().nowUs()), lines)),
        how + "; now t=" + Durations.format(cluster.sim().nowUs()));
  }

  /** One frame of the live view now, for a terminal that animates {@code watch} itself. */
  public List<String> frameNow(boolean unicode) {
    return dev.replab.engine.render.ClusterView.frame(cluster, unicode);
  }

  Result timeline(Command.TimelineView command) {
    return new Result.Message(
        dev.replab.engine.render.Timeline.render(cluster, cluster.trace(), command.options()));
  }

  Result client(Command.ClientSession command) {
    boolean existed = cluster.hasClient(command.client());
    Client client = cluster.client(command.client(), command.region());
    if (command.timeoutUs() != null) {
      cluster.setClientTimeout(command.client(), command.timeoutUs());
    }
    if (command.consistency() != null) {
      cluster.setClientConsistency(command.client(), command.consistency());
    }
    if (command.policy() != null) {
      cluster.setClientPolicy(command.client(), command.policy());
    }
    return new Result.Message(
        (existed ? "client " : "new client ")
            + client.name()
            + " in region "
            + client.region()
            + ", timeout "
            + Durations.format(client.timeoutUs())
            + ", reads "
            + client.consistency().word()
            + " via policy "
            + client.policy());
  }

  Result seed(Command.Seed command) {
    seed = command.seed();
    return new Result.Message("seed " + seed + ": the next 'create' starts from it");
  }

  Result reset(Command.Reset command) {
    cluster = null;
    return new Result.Message("reset: no cluster; seed is still " + seed);
  }

  Result help(Command.Help command) {
    if (command.topic() == null) {
      StringBuilder text = new StringBuilder("commands (type 'help <command>' for details):\n");
      for (CommandSpec spec : registry.all()) {
        text.append(String.format(Locale.ROOT, "  %-10s %s%n", spec.name(), spec.summary()));
      }
      text.append(
          "Separate commands with ';'. Durations: 500us, 20ms, 2s, 1m. '#' starts a comment.");
      return new Result.HelpText(null, registry.names(), text.toString());
    }
    CommandSpec spec = registry.get(command.topic());
    if (spec == null) {
      String suggestion = Suggest.closest(command.topic(), registry.names());
      return new Result.HelpText(
          command.topic(),
          registry.names(),
          "no command '"
              + command.topic()
              + "'"
              + (suggestion != null
                  ? "; did you mean '" + suggestion + "'?"
                  : "; type 'help' for the list"));
    }
    StringBuilder text =
        new StringBuilder(
            spec.name() + ": " + spec.summary() + "\nusage: " + spec.usage() + "\nexamples:\n");
    for (String example : spec.examples()) {
      text.append("  ").append(example).append('\n');
    }
    return new Result.HelpText(spec.name(), List.of(spec.name()), text.toString().stripTrailing());
  }

  /** What the leader knows of each follower, for tests and the exercises' graders. */
  public List<FollowerProgress> followerProgress() {
    Node leader = cluster.leader();
    return leader == null ? List.of() : leader.knownFollowers();
  }

  /** The followers a FIRST policy currently waits for. */
  public List<FollowerProgress> synchronousStandbys() {
    return StandardCommitRule.synchronousStandbys(cluster.policy(), followerProgress());
  }
}
