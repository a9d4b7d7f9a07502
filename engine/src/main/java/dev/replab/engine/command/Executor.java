package dev.replab.engine.command;

import dev.replab.engine.cluster.Client;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.load.LoadReport;
import dev.replab.engine.load.LoadRunner;
import dev.replab.engine.model.ModelDefinition;
import dev.replab.engine.model.ModelOptions;
import dev.replab.engine.model.Models;
import dev.replab.engine.model.ReplicationModel;
import dev.replab.engine.model.Started;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Carries out commands against a session's cluster and describes what happened. The commands every
 * model has run here on the kernel, asking the cluster's model what only it knows; a model's own
 * commands run on the model.
 */
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
  public String modelName() {
    return cluster == null ? null : cluster.model().definition().name();
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
    return cluster == null ? List.of() : cluster.spec().regions();
  }

  @Override
  public String stateOf(String node) {
    return cluster.host(node).state().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean hasCustomRouter() {
    return cluster != null && cluster.model().hasCustomRouter();
  }

  @Override
  public List<String> readPolicies() {
    return cluster == null
        ? Models.all().get(0).readPolicies()
        : cluster.model().definition().readPolicies();
  }

  @Override
  public String notSizedByNodes() {
    return cluster == null ? null : cluster.model().definition().notSizedByNodes();
  }

  @Override
  public boolean takesTimestamps() {
    return cluster != null && cluster.model().definition().takesTimestamps();
  }

  @Override
  public <M> M model(Class<M> type) {
    return cluster != null && type.isInstance(cluster.model()) ? type.cast(cluster.model()) : null;
  }

  // ---------------------------------------------------------------- commands

  Result create(Command.Create command) {
    cluster = new Cluster(new Simulation(seed), command.spec(), command.model(), command.options());
    return cluster.model().created(seed);
  }

  Result write(Command.Write command) {
    cluster.sim().runUntil(cluster.sim().nowUs() + command.afterUs());
    return finish(cluster.model().write(command, clientFor(command.client())));
  }

  Result read(Command.Read command) {
    cluster.sim().runUntil(cluster.sim().nowUs() + command.afterUs());
    return finish(cluster.model().read(command, clientFor(command.client())));
  }

  private static long afterUs(Command part) {
    if (part instanceof Command.Write write) {
      return write.afterUs();
    }
    return part instanceof Command.Read read ? read.afterUs() : 0;
  }

  /** Starts one side of an {@code &}: a write, a read, or a model's client operation. */
  private Started start(Command part) {
    if (part instanceof Command.Write write) {
      return cluster.model().write(write, clientFor(write.client()));
    }
    if (part instanceof Command.Read read) {
      return cluster.model().read(read, clientFor(read.client()));
    }
    return startModel((ModelCommand<?>) part);
  }

  private <M extends ReplicationModel> Started startModel(ModelCommand<M> command) {
    return command.start(cluster.model(command.model()));
  }

  private Result finish(Started started) {
    cluster.runUntilDone(started.op());
    return started.result().get();
  }

  /** {@code a & b & c}: the client operations start at one instant; each is described when done. */
  Result concurrent(Command.Concurrent command) {
    // Operations start in the order of their after= delays (ties in the order written), each
    // at the line's start plus its delay, while the earlier ones run on.
    List<Command> parts = new ArrayList<>(command.parts());
    parts.sort(java.util.Comparator.comparingLong(Executor::afterUs));
    long startUs = cluster.sim().nowUs();
    java.util.Map<Command, Started> byPart = new java.util.IdentityHashMap<>();
    for (Command part : parts) {
      cluster.sim().runUntil(startUs + afterUs(part));
      byPart.put(part, start(part));
    }
    List<Started> started = new ArrayList<>();
    for (Command part : command.parts()) {
      started.add(byPart.get(part));
    }
    for (Started one : started) {
      cluster.runUntilDone(one.op());
    }
    List<Result> results = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Started one : started) {
      Result result = one.result().get();
      results.add(result);
      text.append(text.length() == 0 ? "" : "\n").append(result.text());
    }
    return new Result.Together(results, text.toString());
  }

  /** Runs a command of the cluster's model on it. */
  <M extends ReplicationModel> Result modelCommand(ModelCommand<M> command) {
    boolean ours = cluster != null && command.model().isInstance(cluster.model());
    return command.run(ours ? cluster.model(command.model()) : null, seed);
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

  static String outcomeName(dev.replab.engine.history.Operation op) {
    return op.outcome().name().toLowerCase(Locale.ROOT);
  }

  Result fault(Command.Fault command) {
    String node = command.node();
    switch (command.kind()) {
      case CRASH -> cluster.crash(node);
      case RESTART -> cluster.restart(node);
      case PAUSE -> cluster.pause(node);
      case RESUME -> cluster.resume(node);
      default -> throw new IllegalStateException("unknown fault " + command.kind());
    }
    return new Result.Message(cluster.model().faultDone(command.kind(), node));
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
    String monitorSide =
        cluster.model().partitioned(command.sources(), command.targets(), command.oneWay());
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

  Result skew(Command.Skew command) {
    cluster.skew(command.node(), command.skewUs());
    String how =
        command.skewUs() == 0
            ? " agrees with true time again"
            : " now runs "
                + Durations.format(Math.abs(command.skewUs()))
                + (command.skewUs() > 0 ? " ahead of" : " behind")
                + " true time";
    return new Result.Message(
        command.node() + "'s clock" + how + cluster.model().clockNote(command.node()));
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

  Result tick(Command.Tick command) {
    long before = cluster.sim().nowUs();
    cluster.sim().runUntil(before + command.durationUs());
    return timeMoved(before, true, "advanced " + Durations.format(command.durationUs()));
  }

  Result settle(Command.Settle command) {
    long before = cluster.sim().nowUs();
    Simulation sim = cluster.sim();
    long limitUs = command.limitUs();
    boolean settled =
        sim.runUntil(() -> !sim.busy() && !cluster.model().catchingUp(), before + limitUs);
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
    return cluster.model().status();
  }

  Result inspect(Command.Inspect command) {
    return cluster.model().inspect(command.key());
  }

  Result history(Command.History command) {
    return Views.history(cluster, command);
  }

  Result why(Command.Why command) {
    return cluster.model().why(cluster.history().get(command.opId()));
  }

  @Override
  public int operationCount() {
    return cluster == null ? 0 : cluster.history().size();
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

  Result compare(Command.Compare command) {
    return command.comparison().run(seed, cluster);
  }

  Result sweep(Command.Sweep command) {
    ModelDefinition model = cluster != null ? cluster.model().definition() : Models.all().get(0);
    ClusterSpec spec =
        cluster != null ? cluster.spec() : ClusterSpec.defaults(model.defaultNodes());
    ModelOptions options = cluster != null ? cluster.model().options() : defaults(model, spec);
    long serviceUs =
        command.serviceUs() != null
            ? command.serviceUs()
            : spec.serviceUs() > 0 ? spec.serviceUs() : 1_000;
    List<Result.SweepRow> rows = new ArrayList<>();
    for (int replicas : command.replicas()) {
      ClusterSpec size = spec.withNodes(replicas).withServiceUs(serviceUs);
      Cluster fresh = new Cluster(new Simulation(seed), size, model, options);
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

  /** A model's options when {@code create} names none. */
  private static ModelOptions defaults(ModelDefinition model, ClusterSpec spec) {
    try {
      return model.parse(java.util.Map.of(), spec);
    } catch (CommandError e) {
      throw new IllegalStateException(model.name() + " has no defaults: " + e.sentence(), e);
    }
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
      List<String> lines = cluster.model().frame(command.unicode());
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
    List<String> lines = cluster.model().frame(command.unicode());
    boolean going = frameSink.frame(lines, cluster.sim().nowUs(), stepUs);
    while (going && cluster.sim().nowUs() < end) {
      cluster.sim().runUntil(Math.min(end, cluster.sim().nowUs() + stepUs));
      lines = cluster.model().frame(command.unicode());
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
    return cluster.model().frame(unicode);
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
      StringBuilder text =
          new StringBuilder("commands of every model (type 'help <command>' for details):\n");
      for (CommandSpec spec : registry.shared()) {
        text.append(String.format(Locale.ROOT, "  %-10s %s%n", spec.name(), spec.summary()));
      }
      for (String model : registry.models()) {
        text.append(model)
            .append(" clusters")
            .append(model.equals(modelName()) ? " (this one)" : "")
            .append(" also have:\n");
        for (CommandSpec spec : registry.ofModel(model)) {
          text.append(String.format(Locale.ROOT, "  %-10s %s%n", spec.name(), spec.summary()));
        }
      }
      text.append(
          "Separate commands with ';'. Durations: 500us, 20ms, 2s, 1m. '#' starts a comment.");
      return new Result.HelpText(null, registry.names(), text.toString());
    }
    CommandSpec spec = registry.resolve(command.topic(), modelName());
    if (spec == null) {
      spec = registry.get(command.topic());
    }
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
    if (spec.model() != null) {
      text.append("(a command of ").append(spec.model()).append(" clusters)\n");
    }
    return new Result.HelpText(spec.name(), List.of(spec.name()), text.toString().stripTrailing());
  }
}
