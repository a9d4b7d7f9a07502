package dev.replab.engine.command;

import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.model.ModelDefinition;
import dev.replab.engine.model.ModelOptions;
import dev.replab.engine.net.Latency;
import java.util.List;

/** A parsed command: plain data that an {@link Executor} carries out. */
public sealed interface Command
    permits Command.Create,
        Command.Write,
        Command.Read,
        Command.Concurrent,
        Command.Fault,
        Command.Partition,
        Command.Heal,
        Command.Skew,
        Command.Link,
        Command.Tick,
        Command.Settle,
        Command.Status,
        Command.Inspect,
        Command.History,
        Command.Check,
        Command.Why,
        Command.TimelineView,
        Command.Watch,
        Command.Load,
        Command.Sweep,
        Command.Compare,
        Command.ClientSession,
        Command.Seed,
        Command.Reset,
        Command.Help,
        ModelCommand {

  /** The command's name as typed. */
  String name();

  /** Runs the command: each record calls the executor method made for it. */
  Result accept(Executor executor);

  /** {@code create <model> ...}: the shared settings and the model's own. */
  record Create(ModelDefinition model, ClusterSpec spec, ModelOptions options) implements Command {
    public String name() {
      return "create";
    }

    public Result accept(Executor executor) {
      return executor.create(this);
    }
  }

  /**
   * {@code write k v} or {@code delete k} (value null), with an optional node, client and explicit
   * timestamp ({@code ts=}, null for none); {@code afterUs} delays its start within a line of
   * operations joined by {@code &}.
   */
  record Write(
      String key, String value, String via, String client, boolean delete, Long tsUs, long afterUs)
      implements Command {
    public String name() {
      return delete ? "delete" : "write";
    }

    public Result accept(Executor executor) {
      return executor.write(this);
    }
  }

  /**
   * {@code read k [from n] [as c] [consistency=..] [policy=..]}; null options use the client's
   * defaults.
   */
  record Read(
      String key,
      String from,
      String client,
      dev.replab.engine.cluster.Consistency consistency,
      String policy,
      long afterUs)
      implements Command {
    public String name() {
      return "read";
    }

    public Result accept(Executor executor) {
      return executor.read(this);
    }
  }

  /** {@code a & b}: client operations (writes, deletes, reads) started at the same instant. */
  record Concurrent(List<Command> parts) implements Command {
    public Concurrent {
      parts = List.copyOf(parts);
    }

    public String name() {
      return parts.get(0).name();
    }

    public Result accept(Executor executor) {
      return executor.concurrent(this);
    }
  }

  /** {@code crash}, {@code restart}, {@code pause} or {@code resume} a node. */
  record Fault(Kind kind, String node) implements Command {
    /** The node faults. */
    public enum Kind {
      CRASH,
      RESTART,
      PAUSE,
      RESUME
    }

    public String name() {
      return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    public Result accept(Executor executor) {
      return executor.fault(this);
    }
  }

  /**
   * Cuts every link from each node in {@code sources} to each in {@code targets}, and back unless
   * one-way.
   */
  record Partition(List<String> sources, List<String> targets, boolean oneWay) implements Command {
    public Partition {
      sources = List.copyOf(sources);
      targets = List.copyOf(targets);
    }

    public String name() {
      return "partition";
    }

    public Result accept(Executor executor) {
      return executor.partition(this);
    }
  }

  /** {@code skew n <±d>}: a node's wall clock runs ahead (or behind) of true time. */
  record Skew(String node, long skewUs) implements Command {
    public String name() {
      return "skew";
    }

    public Result accept(Executor executor) {
      return executor.skew(this);
    }
  }

  /** {@code heal}: every cut link works again. */
  record Heal() implements Command {
    public String name() {
      return "heal";
    }

    public Result accept(Executor executor) {
      return executor.heal(this);
    }
  }

  /** {@code link a b latency=... loss=...}: both directions unless one-way. */
  record Link(String a, String b, Latency latency, Double loss, boolean oneWay) implements Command {
    public String name() {
      return "link";
    }

    public Result accept(Executor executor) {
      return executor.link(this);
    }
  }

  /** {@code tick d}. */
  record Tick(long durationUs) implements Command {
    public String name() {
      return "tick";
    }

    public Result accept(Executor executor) {
      return executor.tick(this);
    }
  }

  /** {@code settle [limit=d]}. */
  record Settle(long limitUs) implements Command {
    public String name() {
      return "settle";
    }

    public Result accept(Executor executor) {
      return executor.settle(this);
    }
  }

  /** {@code status}. */
  record Status() implements Command {
    public String name() {
      return "status";
    }

    public Result accept(Executor executor) {
      return executor.status(this);
    }
  }

  /** {@code inspect k}. */
  record Inspect(String key) implements Command {
    public String name() {
      return "inspect";
    }

    public Result accept(Executor executor) {
      return executor.inspect(this);
    }
  }

  /** {@code history}. */
  /**
   * {@code history [last=<n>] [key=] [client=] [node=] [outcome=] [kind=]}: every filter given must
   * hold; null (or 0 for {@code last}) is no filter.
   */
  record History(int last, String key, String client, String node, String outcome, String kind)
      implements Command {
    /** The whole history. */
    public History() {
      this(0, null, null, null, null, null);
    }

    /** True when only some operations are shown. */
    public boolean filtered() {
      return last > 0
          || key != null
          || client != null
          || node != null
          || outcome != null
          || kind != null;
    }

    /** True when an operation passes every filter but {@code last}. */
    public boolean matches(dev.replab.engine.history.Operation op) {
      return (key == null || key.equals(op.key()))
          && (client == null || client.equals(op.client()))
          && (node == null || node.equals(op.node()))
          && (outcome == null || outcome.equals(Executor.outcomeName(op)))
          && (kind == null || kind.equals(op.kind().name().toLowerCase(java.util.Locale.ROOT)));
    }

    public String name() {
      return "history";
    }

    public Result accept(Executor executor) {
      return executor.history(this);
    }
  }

  /** {@code load ...}: a workload on the current cluster. */
  record Load(dev.replab.engine.load.Workload workload) implements Command {
    public String name() {
      return "load";
    }

    public Result accept(Executor executor) {
      return executor.load(this);
    }
  }

  /** {@code sweep replicas=1,2,4,8 ...}: the same workload on fresh clusters of each size. */
  /** What {@code compare} runs: it builds its own clusters from the session's seed. */
  @FunctionalInterface
  interface Comparison {
    /**
     * Runs the comparison.
     *
     * @param current the session's cluster, or null; a comparison may take settings from it
     */
    Result run(long seed, dev.replab.engine.cluster.Cluster current);
  }

  /** {@code compare <subject> ...}. */
  record Compare(String subject, Comparison comparison) implements Command {
    public String name() {
      return "compare";
    }

    public Result accept(Executor executor) {
      return executor.compare(this);
    }
  }

  record Sweep(List<Integer> replicas, Long serviceUs, dev.replab.engine.load.Workload workload)
      implements Command {
    public Sweep {
      replicas = List.copyOf(replicas);
    }

    public String name() {
      return "sweep";
    }

    public Result accept(Executor executor) {
      return executor.sweep(this);
    }
  }

  /** {@code timeline [last n] [since t] [keys=..] [heartbeats=on] [ascii=on]}. */
  record TimelineView(dev.replab.engine.render.Timeline.Options options) implements Command {
    public String name() {
      return "timeline";
    }

    public Result accept(Executor executor) {
      return executor.timeline(this);
    }
  }

  /**
   * {@code watch [d] [speed=x] [frames=n]}: lets {@code durationUs} pass, showing the cluster as it
   * changes. A terminal animates it at {@code speed} simulated seconds per real second; elsewhere
   * it prints {@code frames} snapshots.
   */
  record Watch(long durationUs, double speed, int frames, boolean unicode) implements Command {
    public String name() {
      return "watch";
    }

    public Result accept(Executor executor) {
      return executor.watch(this);
    }
  }

  /**
   * {@code check [checker]}: all checkers, or one; linearizability takes a key to check alone and a
   * budget (null: the defaults).
   */
  record Check(String checker, String key, Long budgetUs) implements Command {
    public String name() {
      return "check";
    }

    public Result accept(Executor executor) {
      return executor.check(this);
    }
  }

  /** {@code why <op>}: how one operation went and the rule that decided its answer. */
  record Why(long opId) implements Command {
    public String name() {
      return "why";
    }

    public Result accept(Executor executor) {
      return executor.why(this);
    }
  }

  /** {@code client name [region=r] [timeout=d]}. */
  record ClientSession(
      String client,
      String region,
      Long timeoutUs,
      dev.replab.engine.cluster.Consistency consistency,
      String policy)
      implements Command {
    public String name() {
      return "client";
    }

    public Result accept(Executor executor) {
      return executor.client(this);
    }
  }

  /** {@code seed n}. */
  record Seed(long seed) implements Command {
    public String name() {
      return "seed";
    }

    public Result accept(Executor executor) {
      return executor.seed(this);
    }
  }

  /** {@code reset}. */
  record Reset() implements Command {
    public String name() {
      return "reset";
    }

    public Result accept(Executor executor) {
      return executor.reset(this);
    }
  }

  /** {@code help [command]}. */
  record Help(String topic) implements Command {
    public String name() {
      return "help";
    }

    public Result accept(Executor executor) {
      return executor.help(this);
    }
  }
}
