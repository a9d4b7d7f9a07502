package dev.replab.engine.command;

import dev.replab.engine.check.Checkers;
import dev.replab.engine.command.CommandSpec.ArgumentKind;
import java.util.List;
import java.util.Set;

/** The parsers of every command, one small method per command, and the specs that name them. */
final class Grammar {
  static final Set<String> LOAD_OPTIONS =
      Set.of(
          "ops",
          "clients",
          "reads",
          "keys",
          "dist",
          "rate",
          "duration",
          "policy",
          "consistency",
          "check",
          "wait");
  static final Set<String> SWEEP_OPTIONS;

  static {
    java.util.HashSet<String> sweep = new java.util.HashSet<>(LOAD_OPTIONS);
    sweep.add("replicas");
    sweep.add("service");
    SWEEP_OPTIONS = Set.copyOf(sweep);
  }

  private Grammar() {}

  static List<CommandSpec> specs() {
    return List.of(
        spec(
            "create",
            "create <model> [nodes=<n>] [regions=eu,us] [latency=<dist>] [wan=<d>|<dist>] [loss=<p>] [timeout=<d>] [service=<d>] [<model options>]",
            "Starts a new cluster; the old one, its history and its clients are gone.",
            List.of(
                "create leader-follower nodes=3",
                "create leader-follower nodes=3 regions=eu,us,ap"),
            dev.replab.engine.model.Models.all().stream()
                .map(dev.replab.engine.model.ModelDefinition::name)
                .toList(),
            ClusterGrammar.allCreateOptions(),
            ArgumentKind.MODEL,
            ClusterGrammar::create),
        spec(
            "write",
            "write <key> <value> [via <node>] [as <client>[@region]] [ts=<micros>] [after=<d>]   (join operations with & to start them together)",
            "A client writes a value; runs until the client has its answer, and no further.",
            List.of(
                "write x 1",
                "write cart \"2 apples\" as alice",
                "write x a as alice & write x b as bob after=1ms"),
            List.of("via", "as"),
            Set.of("ts", "after"),
            ArgumentKind.KEY,
            ClientGrammar::write),
        spec(
            "read",
            "read <key> [from|via <node>] [as <client>[@region]] [consistency=eventual|leader|read-your-writes|monotonic] [policy=<policy>] [after=<d>]",
            "A client reads a key; says when the answer is stale and what is newer.",
            List.of(
                "read x",
                "read x from n2",
                "read x as alice consistency=read-your-writes",
                "read x policy=round-robin"),
            List.of("from", "as"),
            Set.of("consistency", "policy", "after"),
            ArgumentKind.KEY,
            ClientGrammar::read),
        spec(
            "delete",
            "delete <key> [via <node>] [as <client>[@region]] [ts=<micros>] [after=<d>]",
            "A client deletes a key: a write of 'nothing' that replicates like any other.",
            List.of("delete x"),
            List.of("via", "as"),
            Set.of("ts", "after"),
            ArgumentKind.KEY,
            ClientGrammar::delete),
        spec(
            "crash",
            "crash <node>",
            "Stops a node as a power failure does: memory and unsent messages are lost, its log survives.",
            List.of("crash n1"),
            List.of(),
            Set.of(),
            ArgumentKind.NODE,
            args -> FaultGrammar.fault(args, Command.Fault.Kind.CRASH)),
        spec(
            "restart",
            "restart <node>",
            "Starts a crashed node from its durable log; it then catches up.",
            List.of("restart n1"),
            List.of(),
            Set.of(),
            ArgumentKind.NODE,
            args -> FaultGrammar.fault(args, Command.Fault.Kind.RESTART)),
        spec(
            "pause",
            "pause <node>",
            "Freezes a node without it knowing, like a long garbage-collection pause.",
            List.of("pause n1"),
            List.of(),
            Set.of(),
            ArgumentKind.NODE,
            args -> FaultGrammar.fault(args, Command.Fault.Kind.PAUSE)),
        spec(
            "resume",
            "resume <node>",
            "Unfreezes a paused node; it carries on as if no time had passed.",
            List.of("resume n1"),
            List.of(),
            Set.of(),
            ArgumentKind.NODE,
            args -> FaultGrammar.fault(args, Command.Fault.Kind.RESUME)),
        spec(
            "partition",
            "partition <nodes> | <nodes>   or   partition <nodes> -> <nodes>   or   partition <node>",
            "Cuts the network between two groups (both ways), one way only with ->, or one node from all.",
            List.of("partition n1 | n2 n3", "partition n1 -> n2", "partition n3"),
            List.of("->"),
            Set.of(),
            ArgumentKind.NODE,
            FaultGrammar::partition),
        spec(
            "skew",
            "skew <node> <+d|-d>",
            "Sets how far a node's wall clock is off true time; last-write-wins trusts that clock.",
            List.of("skew n2 +50ms", "skew n3 -2s", "skew n2 0ms"),
            List.of(),
            Set.of(),
            ArgumentKind.NODE,
            FaultGrammar::skew),
        spec(
            "heal",
            "heal",
            "Repairs every cut link.",
            List.of("heal"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            args -> done(args, new Command.Heal())),
        spec(
            "link",
            "link <a> <b> [latency=<dist>] [loss=<p>]   or   link <a> -> <b> ...",
            "Sets the delay and loss of the links between two nodes (both ways, or one way with ->).",
            List.of(
                "link n1 n3 latency=const(80ms)",
                "link n1 n2 latency=uniform(1ms,5ms) loss=0.1",
                "link n1 -> n2 latency=exp(20ms)"),
            List.of("->"),
            Set.of("latency", "loss"),
            ArgumentKind.NODE,
            FaultGrammar::link),
        spec(
            "tick",
            "tick <duration>",
            "Lets simulated time pass.",
            List.of("tick 1s", "tick 250ms"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            ViewGrammar::tick),
        spec(
            "settle",
            "settle [limit=<d>]",
            "Runs until nothing is in flight but heartbeats and reachable followers have caught up.",
            List.of("settle", "settle limit=10s"),
            List.of(),
            Set.of("limit"),
            ArgumentKind.NONE,
            ViewGrammar::settle),
        spec(
            "status",
            "status",
            "Shows every node: role, state, offsets, lag, epoch, and the leader's commit mode.",
            List.of("status"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            args -> clusterDone(args, new Command.Status())),
        spec(
            "inspect",
            "inspect <key>",
            "Shows a key's value and version on every node.",
            List.of("inspect x"),
            List.of(),
            Set.of(),
            ArgumentKind.KEY,
            ViewGrammar::inspect),
        spec(
            "history",
            "history [last=<n>] [key=<k>] [client=<c>] [node=<n>] [outcome=ok|fail|unknown|pending] [kind=read|write|delete]",
            "Lists every client operation with its times and outcome, and cluster events; filters narrow it down.",
            List.of(
                "history",
                "history last=5",
                "history key=x outcome=ok",
                "history kind=read client=app"),
            List.of(),
            Set.of("last", "key", "client", "node", "outcome", "kind"),
            ArgumentKind.NONE,
            ClientGrammar::history),
        spec(
            "load",
            "load [ops=<n>] [clients=<c>] [reads=<pct>] [keys=<k>] [dist=uniform|zipf] [rate=<ops/s>] [duration=<d>] [policy=<policy>] [consistency=<level>] [check=on|off] [wait=on|off]",
            "Runs a workload of reads and writes and reports throughput, latency percentiles, stale reads, anomalies and lag.",
            List.of(
                "load ops=2000 clients=16 reads=90",
                "load duration=10s rate=200/s",
                "load ops=2000 rate=200/s wait=off",
                "load ops=5000 reads=95 policy=least-lag consistency=read-your-writes"),
            List.of(),
            LOAD_OPTIONS,
            ArgumentKind.NONE,
            ClientGrammar::load),
        spec(
            "sweep",
            "sweep replicas=1,2,4,8 [service=<d>] <load options>",
            "Repeats one workload on fresh clusters with different numbers of nodes and tabulates throughput and latency.",
            List.of(
                "sweep replicas=1,2,4,8 ops=20000 clients=64 reads=90",
                "sweep replicas=1,2,4,8 ops=20000 clients=64 reads=10"),
            List.of(),
            SWEEP_OPTIONS,
            ArgumentKind.NONE,
            ClientGrammar::sweep),
        dev.replab.engine.compare.Comparisons.spec(),
        spec(
            "timeline",
            "timeline [last <n> | last=<n>] [since <time> | since=<time>] [keys=<k,...>] [heartbeats=on] [ascii=on]",
            "Draws recent messages as a space-time diagram: a column per node and client, time flowing down, stale reads marked.",
            List.of(
                "timeline",
                "timeline last 20",
                "timeline since 1s keys=x",
                "timeline heartbeats=on"),
            List.of("last", "since"),
            Set.of("keys", "heartbeats", "ascii"),
            ArgumentKind.NONE,
            ViewGrammar::timeline),
        spec(
            "watch",
            "watch [<duration>] [speed=<x>] [frames=<n>] [ascii=on]",
            "Lets time pass while showing every node's log, lag and role; animated in a terminal, as snapshots elsewhere.",
            List.of("watch", "watch 5s", "watch 10s speed=10x"),
            List.of(),
            Set.of("speed", "frames", "ascii"),
            ArgumentKind.NONE,
            ViewGrammar::watch),
        spec(
            "check",
            "check [" + String.join("|", Checkers.names()) + "] [key=<k>] [budget=<d>]",
            "Runs the anomaly checkers over the history; each finding names the operations and says why.",
            List.of("check", "check lost-writes", "check linearizability budget=2s"),
            List.of(),
            Set.of("key", "budget"),
            ArgumentKind.CHECKER,
            ViewGrammar::check),
        spec(
            "why",
            "why <op>",
            "Explains one operation from 'history': where it went, who answered with what, and the rule that decided.",
            List.of("why 1", "why 2"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            ViewGrammar::why),
        spec(
            "client",
            "client <name> [region=<region>|dc=<dc>] [timeout=<d>] [consistency=<level>] [policy=<policy>]",
            "Creates or changes a named client session: where it lives, how long it waits, and its read guarantees.",
            List.of(
                "client alice region=us",
                "client bob timeout=5s",
                "client carol consistency=read-your-writes policy=round-robin"),
            List.of(),
            Set.of("region", "dc", "timeout", "consistency", "policy"),
            ArgumentKind.CLIENT,
            ClientGrammar::client),
        spec(
            "seed",
            "seed <n>",
            "Sets the seed for the next 'create' (the same seed replays the same run).",
            List.of("seed 42"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            ViewGrammar::seed),
        spec(
            "reset",
            "reset",
            "Forgets the cluster and its history; keeps the seed.",
            List.of("reset"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            args -> done(args, new Command.Reset())),
        spec(
            "help",
            "help [command]",
            "Lists the commands, or explains one.",
            List.of("help", "help setquorum"),
            List.of(),
            Set.of(),
            ArgumentKind.COMMAND,
            ViewGrammar::help));
  }

  private static CommandSpec spec(
      String name,
      String usage,
      String summary,
      List<String> examples,
      List<String> keywords,
      Set<String> options,
      ArgumentKind argument,
      CommandSpec.Parser parser) {
    return new CommandSpec(name, usage, summary, examples, keywords, options, argument, parser);
  }

  // ---------------------------------------------------------------- parsers

  static Command done(Args args, Command command) throws CommandError {
    args.end();
    return command;
  }

  static Command clusterDone(Args args, Command command) throws CommandError {
    args.requireCluster();
    return done(args, command);
  }

  /** Every command name, those of every model first, then each model's own. */
  static List<String> allNames() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    specs().forEach(spec -> names.add(spec.name()));
    for (dev.replab.engine.model.ModelDefinition model : dev.replab.engine.model.Models.all()) {
      model.commands().forEach(spec -> names.add(spec.name()));
    }
    return List.copyOf(names);
  }

  static Set<String> specOptions(String name) {
    return specs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().options();
  }

  static long positiveDuration(Args.Option option) throws CommandError {
    return option.positiveDurationUs();
  }
}
