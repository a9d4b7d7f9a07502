package dev.replab.engine.command;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.check.Checkers;
import dev.replab.engine.cluster.ClusterConfig;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.cluster.Routers;
import dev.replab.engine.command.CommandSpec.ArgumentKind;
import dev.replab.engine.net.Latency;
import dev.replab.engine.net.LatencyParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsers of every command, one small method per command, and the specs that name them. */
final class Grammar {
  private static final Set<String> LOAD_OPTIONS =
      Set.of("ops", "clients", "reads", "keys", "dist", "rate", "duration", "policy", "consistency", "check");
  private static final Set<String> SWEEP_OPTIONS;

  static {
    java.util.HashSet<String> sweep = new java.util.HashSet<>(LOAD_OPTIONS);
    sweep.add("replicas");
    sweep.add("service");
    SWEEP_OPTIONS = Set.copyOf(sweep);
  }

  /** A new cluster starts without a custom router, whatever the current one has. */
  private static final ParseContext NO_CUSTOM_ROUTER = new ParseContext() {
    public boolean hasCluster() {
      return false;
    }

    public List<String> nodes() {
      return List.of();
    }

    public List<String> clients() {
      return List.of();
    }

    public String clientRegion(String client) {
      return null;
    }

    public List<String> regions() {
      return List.of();
    }

    public String stateOf(String node) {
      return "up";
    }

    public String leader() {
      return null;
    }

    public String leaderOfRecord() {
      return null;
    }

    public String removalBreaksQuorum(String node) {
      return null;
    }

    public boolean hasCustomRouter() {
      return false;
    }

    public long heartbeatUs() {
      return 0;
    }

    public long detectUs() {
      return 0;
    }
  };

  private Grammar() {}

  static List<CommandSpec> specs() {
    return List.of(
        spec("create", "create leader-follower [nodes=3] [regions=eu,us] [latency=<dist>] [wan=<d>] [loss=<p>] [apply=<d>] [heartbeat=<d>] [timeout=<d>] [quorum=0|k|all] [ack=received|applied] [service=<d>] [reads=<policy>]",
            "Starts a new cluster; the old one, its history and its clients are gone.",
            List.of("create leader-follower nodes=3", "create leader-follower nodes=3 regions=eu,us,ap"),
            List.of("leader-follower"), Set.of("nodes", "regions", "latency", "wan", "loss", "apply", "heartbeat", "timeout", "quorum", "ack", "service", "reads"),
            ArgumentKind.MODEL, Grammar::create),
        spec("write", "write <key> <value> [via <node>] [as <client>[@region]]",
            "A client writes a value; runs until the client has its answer, and no further.",
            List.of("write x 1", "write cart \"2 apples\" as alice"), List.of("via", "as"), Set.of(), ArgumentKind.KEY, Grammar::write),
        spec("read", "read <key> [from <node>] [as <client>[@region]] [consistency=eventual|leader|read-your-writes|monotonic] [policy=<policy>]",
            "A client reads a key; says when the answer is stale and what is newer.",
            List.of("read x", "read x from n2", "read x as alice consistency=read-your-writes", "read x policy=round-robin"),
            List.of("from", "as"), Set.of("consistency", "policy"), ArgumentKind.KEY, Grammar::read),
        spec("delete", "delete <key> [via <node>] [as <client>[@region]]",
            "A client deletes a key: a write of 'nothing' that replicates like any other.",
            List.of("delete x"), List.of("via", "as"), Set.of(), ArgumentKind.KEY, Grammar::delete),
        spec("crash", "crash <node>", "Stops a node as a power failure does: memory and unsent messages are lost, its log survives.",
            List.of("crash n1"), List.of(), Set.of(), ArgumentKind.NODE, args -> fault(args, Command.Fault.Kind.CRASH)),
        spec("restart", "restart <node>", "Starts a crashed node from its durable log; it then catches up.",
            List.of("restart n1"), List.of(), Set.of(), ArgumentKind.NODE, args -> fault(args, Command.Fault.Kind.RESTART)),
        spec("pause", "pause <node>", "Freezes a node without it knowing, like a long garbage-collection pause.",
            List.of("pause n1"), List.of(), Set.of(), ArgumentKind.NODE, args -> fault(args, Command.Fault.Kind.PAUSE)),
        spec("resume", "resume <node>", "Unfreezes a paused node; it carries on as if no time had passed.",
            List.of("resume n1"), List.of(), Set.of(), ArgumentKind.NODE, args -> fault(args, Command.Fault.Kind.RESUME)),
        spec("partition", "partition <nodes> | <nodes>   or   partition <nodes> -> <nodes>   or   partition <node>",
            "Cuts the network between two groups (both ways), one way only with ->, or one node from all.",
            List.of("partition n1 | n2 n3", "partition n1 -> n2", "partition n3"), List.of("->"), Set.of(), ArgumentKind.NODE, Grammar::partition),
        spec("heal", "heal", "Repairs every cut link.", List.of("heal"), List.of(), Set.of(), ArgumentKind.NONE, args -> done(args, new Command.Heal())),
        spec("link", "link <a> <b> [latency=<dist>] [loss=<p>]   or   link <a> -> <b> ...",
            "Sets the delay and loss of the links between two nodes (both ways, or one way with ->).",
            List.of("link n1 n3 latency=const(80ms)", "link n1 n2 latency=uniform(1ms,5ms) loss=0.1", "link n1 -> n2 latency=exp(20ms)"),
            List.of("->"), Set.of("latency", "loss"), ArgumentKind.NODE, Grammar::link),
        spec("setquorum", "setquorum 0|all|<k> [first|any] [(<node>,...)] [ack=received|applied] [timeout=<d>|never]",
            "Sets how many follower acknowledgements a commit waits for: 0 asynchronous, all synchronous, k semi-synchronous.",
            List.of("setquorum 0", "setquorum all ack=applied", "setquorum 2 first (n2,n3,n4)", "setquorum 1 any timeout=10s"),
            List.of("first", "any", "all"), Set.of("ack", "timeout"), ArgumentKind.NONE, Grammar::setQuorum),
        spec("promote", "promote <node>", "Makes a follower the leader of a new epoch (manual failover); the others follow it.",
            List.of("promote n2"), List.of(), Set.of(), ArgumentKind.NODE, Grammar::promote),
        spec("failover", "failover auto|manual [heartbeat=<d>] [detect=<d>] [monitor=on|off] [fencing=on|off] [stonith=on|off] [redirect=proxy|dns] [ttl=<d>]",
            "Turns automatic failover on or off: heartbeats, detection, election or a monitor, fencing, STONITH, client redirection.",
            List.of("failover auto detect=1s", "failover auto monitor=on stonith=on", "failover auto fencing=on redirect=dns ttl=5s", "failover manual"),
            List.of("auto", "manual"), Set.of("heartbeat", "detect", "monitor", "fencing", "stonith", "redirect", "ttl"), ArgumentKind.NONE, Grammar::failover),
        spec("tick", "tick <duration>", "Lets simulated time pass.", List.of("tick 1s", "tick 250ms"), List.of(), Set.of(), ArgumentKind.NONE, Grammar::tick),
        spec("settle", "settle [limit=<d>]", "Runs until nothing is in flight but heartbeats and reachable followers have caught up.",
            List.of("settle", "settle limit=10s"), List.of(), Set.of("limit"), ArgumentKind.NONE, Grammar::settle),
        spec("status", "status", "Shows every node: role, state, offsets, lag, epoch, and the leader's commit mode.",
            List.of("status"), List.of(), Set.of(), ArgumentKind.NONE, args -> clusterDone(args, new Command.Status())),
        spec("lag", "lag", "Shows how far each follower is behind the leader, in entries and in time.",
            List.of("lag"), List.of(), Set.of(), ArgumentKind.NONE, args -> clusterDone(args, new Command.Lag())),
        spec("log", "log <node> [last=<n>]", "Lists a node's replication log: offset, epoch, the write, applied or not.",
            List.of("log n1", "log n2 last=5"), List.of(), Set.of("last"), ArgumentKind.NODE, Grammar::log),
        spec("inspect", "inspect <key>", "Shows a key's value and version on every node.", List.of("inspect x"), List.of(), Set.of(), ArgumentKind.KEY, Grammar::inspect),
        spec("history", "history", "Lists every client operation with its times and outcome, and cluster events.",
            List.of("history"), List.of(), Set.of(), ArgumentKind.NONE, args -> clusterDone(args, new Command.History())),
        spec("load", "load [ops=<n>] [clients=<c>] [reads=<pct>] [keys=<k>] [dist=uniform|zipf] [rate=<ops/s>] [duration=<d>] [policy=<policy>] [consistency=<level>] [check=on|off]",
            "Runs a workload of reads and writes and reports throughput, latency percentiles, stale reads, anomalies and lag.",
            List.of("load ops=2000 clients=16 reads=90", "load duration=10s rate=200/s", "load ops=5000 reads=95 policy=least-lag consistency=read-your-writes"),
            List.of(), LOAD_OPTIONS, ArgumentKind.NONE, Grammar::load),
        spec("sweep", "sweep replicas=1,2,4,8 [service=<d>] <load options>",
            "Repeats one workload on fresh clusters with different numbers of nodes and tabulates throughput and latency.",
            List.of("sweep replicas=1,2,4,8 ops=20000 clients=64 reads=90", "sweep replicas=1,2,4,8 ops=20000 clients=64 reads=10"),
            List.of(), SWEEP_OPTIONS, ArgumentKind.NONE, Grammar::sweep),
        spec("add", "add follower [region=<region>]", "Adds an empty follower at run time; it copies the leader's log.",
            List.of("add follower", "add follower region=us"), List.of("follower"), Set.of("region"), ArgumentKind.NONE, Grammar::addFollower),
        spec("remove", "remove <node>", "Removes a follower from the cluster for good.", List.of("remove n3"), List.of(), Set.of(), ArgumentKind.NODE, Grammar::remove),
        spec("timeline", "timeline [last <n>] [since <time>] [keys=<k,...>] [heartbeats=on] [ascii=on]",
            "Draws recent messages as a space-time diagram: a column per node and client, time flowing down, stale reads marked.",
            List.of("timeline", "timeline last 20", "timeline since 1s keys=x", "timeline heartbeats=on"),
            List.of("last", "since"), Set.of("keys", "heartbeats", "ascii"), ArgumentKind.NONE, Grammar::timeline),
        spec("watch", "watch [<duration>] [speed=<x>] [frames=<n>] [ascii=on]",
            "Lets time pass while showing every node's log, lag and role; animated in a terminal, as snapshots elsewhere.",
            List.of("watch", "watch 5s", "watch 10s speed=10x"), List.of(), Set.of("speed", "frames", "ascii"), ArgumentKind.NONE, Grammar::watch),
        spec("check", "check [" + String.join("|", Checkers.names()) + "]",
            "Runs the anomaly checkers over the history; each finding names the operations and says why.",
            List.of("check", "check lost-writes"), List.of(), Set.of(), ArgumentKind.CHECKER, Grammar::check),
        spec("client", "client <name> [region=<region>] [timeout=<d>] [consistency=<level>] [policy=<policy>]",
            "Creates or changes a named client session: where it lives, how long it waits, and its read guarantees.",
            List.of("client alice region=us", "client bob timeout=5s", "client carol consistency=read-your-writes policy=round-robin"),
            List.of(), Set.of("region", "timeout", "consistency", "policy"), ArgumentKind.CLIENT, Grammar::client),
        spec("seed", "seed <n>", "Sets the seed for the next 'create' (the same seed replays the same run).",
            List.of("seed 42"), List.of(), Set.of(), ArgumentKind.NONE, Grammar::seed),
        spec("reset", "reset", "Forgets the cluster and its history; keeps the seed.", List.of("reset"), List.of(), Set.of(), ArgumentKind.NONE, args -> done(args, new Command.Reset())),
        spec("help", "help [command]", "Lists the commands, or explains one.", List.of("help", "help setquorum"), List.of(), Set.of(), ArgumentKind.COMMAND, Grammar::help));
  }

  private static CommandSpec spec(String name, String usage, String summary, List<String> examples, List<String> keywords,
      Set<String> options, ArgumentKind argument, CommandSpec.Parser parser) {
    return new CommandSpec(name, usage, summary, examples, keywords, options, argument, parser);
  }

  // ---------------------------------------------------------------- parsers

  private static Command done(Args args, Command command) throws CommandError {
    args.end();
    return command;
  }

  private static Command clusterDone(Args args, Command command) throws CommandError {
    args.requireCluster();
    return done(args, command);
  }

  private static Command create(Args args) throws CommandError {
    Token model = args.next("a replication model, like 'leader-follower'");
    switch (model.text()) {
      case "leader-follower" -> { }
      case "multi-leader", "leaderless" -> throw new CommandError(model.text() + " clusters are not built yet", model.column(), "use 'create leader-follower'");
      default -> {
        String suggestion = Suggest.closest(model.text(), List.of("leader-follower", "multi-leader", "leaderless"));
        throw new CommandError("unknown replication model '" + model.text() + "'", model.column(),
            (suggestion != null ? "did you mean '" + suggestion + "'? " : "") + "models are leader-follower, multi-leader, leaderless");
      }
    }
    Map<String, Args.Option> options = args.options(args.context() == null ? Set.of() : specOptions("create"));
    args.end();
    ClusterConfig defaults = ClusterConfig.defaults();
    int nodes = options.containsKey("nodes") ? options.get("nodes").positiveInt(64) : defaults.nodes();
    List<String> regions = defaults.regions();
    if (options.containsKey("regions")) {
      Args.Option option = options.get("regions");
      regions = Arrays.stream(option.value().split(",")).map(String::trim).toList();
      if (regions.stream().anyMatch(r -> !r.matches("[A-Za-z][A-Za-z0-9_-]*"))) {
        throw new CommandError("regions must be names separated by commas, like regions=eu,us,ap", option.column());
      }
    }
    Latency inside = options.containsKey("latency") ? latency(options.get("latency")) : null;
    long wanUs = options.containsKey("wan") ? options.get("wan").durationUs() : 0;
    double loss = options.containsKey("loss") ? options.get("loss").probability() : 0;
    long applyUs = options.containsKey("apply") ? options.get("apply").durationUs() : defaults.applyUs();
    long heartbeatUs = options.containsKey("heartbeat") ? positiveDuration(options.get("heartbeat")) : defaults.heartbeatUs();
    long timeoutUs = options.containsKey("timeout") ? positiveDuration(options.get("timeout")) : defaults.clientTimeoutUs();
    QuorumPolicy policy = QuorumPolicy.ASYNC;
    if (options.containsKey("quorum")) {
      Args.Option option = options.get("quorum");
      QuorumPolicy.AckLevel ack = options.containsKey("ack") ? ackLevel(options.get("ack")) : QuorumPolicy.AckLevel.RECEIVED;
      policy = quorumHead(option.value(), option.column(), nodes - 1, ack);
    } else if (options.containsKey("ack")) {
      throw new CommandError("ack= only matters with a synchronous quorum", options.get("ack").column(), "add quorum=1 or quorum=all");
    }
    long serviceUs = options.containsKey("service") ? options.get("service").durationUs() : defaults.serviceUs();
    String reads = options.containsKey("reads") ? readPolicy(options.get("reads"), NO_CUSTOM_ROUTER) : defaults.readPolicy();
    return new Command.Create(model.text(), new ClusterConfig(nodes, regions, inside, wanUs, loss, applyUs, heartbeatUs, timeoutUs, policy, serviceUs, reads));
  }

  private static Set<String> specOptions(String name) {
    return specs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().options();
  }

  private static QuorumPolicy quorumHead(String value, int column, int followers, QuorumPolicy.AckLevel ack) throws CommandError {
    if (value.equals("0")) {
      return QuorumPolicy.ASYNC;
    }
    if (value.equals("all")) {
      return new QuorumPolicy(QuorumPolicy.Kind.ALL, followers, List.of(), ack, -1);
    }
    int k = count(value, column);
    if (k > followers) {
      throw new CommandError("a quorum of " + k + " needs at least " + k + " followers; there " + (followers == 1 ? "is 1" : "are " + followers), column);
    }
    return new QuorumPolicy(QuorumPolicy.Kind.ANY, k, List.of(), ack, -1);
  }

  private static int count(String value, int column) throws CommandError {
    try {
      int k = Integer.parseInt(value);
      if (k >= 0) {
        return k;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new CommandError("'" + value + "' is not a number of acknowledgements", column, "use 0 (asynchronous), a number like 1 or 2, or all");
  }

  private static Command write(Args args) throws CommandError {
    args.requireCluster();
    String key = args.word("a key to write");
    String value = args.word("a value to write after the key");
    return writeTail(args, key, value, false);
  }

  private static Command delete(Args args) throws CommandError {
    args.requireCluster();
    return writeTail(args, args.word("a key to delete"), null, true);
  }

  private static Command writeTail(Args args, String key, String value, boolean delete) throws CommandError {
    String via = null;
    String client = null;
    while (!args.atEnd()) {
      if (via == null && args.keyword("via")) {
        via = args.node("a node after 'via'");
      } else if (client == null && args.keyword("as")) {
        client = clientName(args);
      } else {
        Token extra = args.peek();
        throw new CommandError("unexpected '" + extra.text() + "'", extra.column(),
            "after the " + (delete ? "key" : "value") + " come 'via <node>' and 'as <client>'");
      }
    }
    return new Command.Write(key, value, via, client, delete);
  }

  private static Command read(Args args) throws CommandError {
    args.requireCluster();
    String key = args.word("a key to read");
    String from = null;
    String client = null;
    Map<String, Args.Option> options = Map.of();
    while (!args.atEnd()) {
      if (from == null && args.keyword("from")) {
        from = args.node("a node after 'from'");
      } else if (client == null && args.keyword("as")) {
        client = clientName(args);
      } else if (args.peek().text().contains("=")) {
        options = args.options(specOptions("read"));
      } else {
        Token extra = args.peek();
        throw new CommandError("unexpected '" + extra.text() + "'", extra.column(), "after the key come 'from <node>', 'as <client>' and options");
      }
    }
    Consistency level = options.containsKey("consistency") ? consistency(options.get("consistency")) : null;
    String policy = options.containsKey("policy") ? readPolicy(options.get("policy"), args.context()) : null;
    if (from != null && (level == Consistency.LEADER || policy != null)) {
      Args.Option option = options.containsKey("policy") ? options.get("policy") : options.get("consistency");
      throw new CommandError("'from " + from + "' already chooses the node", option.column(), "drop either 'from' or " + option.key() + "=");
    }
    return new Command.Read(key, from, client, level, policy);
  }

  /** Reads {@code alice} or {@code alice@us}; the region form creates the client there. */
  private static String clientName(Args args) throws CommandError {
    Token token = args.next("a client name after 'as'");
    String text = token.text();
    int at = text.indexOf('@');
    String name = at < 0 ? text : text.substring(0, at);
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new CommandError("'" + name + "' is not a client name", token.column(), "use letters, digits, - and _, starting with a letter");
    }
    if (args.context().nodes().contains(name)) {
      throw new CommandError("'" + name + "' is a node, not a client", token.column(), "pick another client name");
    }
    if (at >= 0) {
      String region = text.substring(at + 1);
      checkRegion(args, region, token.column() + at + 1);
      String home = args.context().clientRegion(name);
      if (home != null && !home.equals(region)) {
        throw new CommandError("client " + name + " lives in " + home + ", not " + region, token.column() + at + 1,
            "a client cannot move; use another name, like " + name + "2@" + region);
      }
      return name + "@" + region;
    }
    return name;
  }

  private static void checkRegion(Args args, String region, int column) throws CommandError {
    List<String> regions = args.context().regions();
    if (!regions.contains(region)) {
      throw new CommandError("no region '" + region + "'", column, "regions are " + String.join(" ", regions));
    }
  }

  private static Consistency consistency(Args.Option option) throws CommandError {
    Consistency level = Consistency.parse(option.value());
    if (level == null) {
      throw new CommandError("unknown consistency '" + option.value() + "'", option.column(),
          "use " + String.join(", ", java.util.Arrays.stream(Consistency.values()).map(Consistency::word).toList()));
    }
    return level;
  }

  private static String readPolicy(Args.Option option, ParseContext context) throws CommandError {
    if (option.value().equals("custom") && !context.hasCustomRouter()) {
      throw new CommandError("no custom read router is plugged in", option.column(),
          "plug one in from Java (cluster.setCustomRouter) or use " + String.join(", ", Routers.POLICIES));
    }
    if (!Routers.POLICIES.contains(option.value()) && !option.value().equals("custom")) {
      String suggestion = Suggest.closest(option.value(), Routers.POLICIES);
      throw new CommandError("unknown read policy '" + option.value() + "'", option.column(),
          (suggestion != null ? "did you mean '" + suggestion + "'? " : "") + "policies are " + String.join(", ", Routers.POLICIES));
    }
    return option.value();
  }

  private static Command fault(Args args, Command.Fault.Kind kind) throws CommandError {
    Token token = args.peek();
    String node = args.node("a node, like n1");
    args.end();
    String state = args.context().stateOf(node);
    String problem =
        switch (kind) {
          case CRASH -> state.equals("crashed") ? node + " is already crashed" : null;
          case RESTART -> state.equals("crashed") ? null : node + " is " + state + ", not crashed";
          case PAUSE -> state.equals("up") ? null : node + " is " + state + " and cannot be paused";
          case RESUME -> state.equals("paused") ? null : node + " is " + state + ", not paused";
        };
    if (problem != null) {
      String hint =
          switch (kind) {
            case RESTART -> "only a crashed node can be restarted";
            case RESUME -> "only a paused node can be resumed";
            default -> null;
          };
      throw new CommandError(problem, token.column(), hint);
    }
    return new Command.Fault(kind, node);
  }

  private static Command partition(Args args) throws CommandError {
    args.requireCluster();
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    boolean oneWay = false;
    boolean sawSeparator = false;
    while (!args.atEnd()) {
      Token token = args.peek();
      if (token.kind() == Token.Kind.BAR || token.text().equals("->")) {
        if (sawSeparator || left.isEmpty()) {
          throw new CommandError(sawSeparator ? "only one '|' or '->' may split a partition" : "nodes must come before '" + token.text() + "'", token.column(), "usage: partition n1 | n2 n3");
        }
        oneWay = token.text().equals("->");
        sawSeparator = true;
        args.advance();
        continue;
      }
      args.advance();
      for (String name : token.text().split(",")) {
        if (name.isEmpty()) {
          continue;
        }
        String node = args.checkNode(name, token.column());
        if (left.contains(node) || right.contains(node)) {
          throw new CommandError(node + " is named twice", token.column(), "each node goes on one side only");
        }
        (sawSeparator ? right : left).add(node);
      }
    }
    if (left.isEmpty()) {
      throw new CommandError("partition needs nodes", args.endColumn(), "usage: partition n1 | n2 n3, partition n1 -> n2, or partition n1");
    }
    if (sawSeparator && right.isEmpty()) {
      throw new CommandError("partition needs nodes after the separator", args.endColumn(), "usage: partition n1 | n2 n3");
    }
    if (!sawSeparator) {
      for (String node : args.context().nodes()) {
        if (!left.contains(node)) {
          right.add(node);
        }
      }
      if (right.isEmpty()) {
        throw new CommandError("that would cut off nothing: every node is on the same side", args.head().column(), "name fewer nodes");
      }
    }
    return new Command.Partition(left, right, oneWay);
  }

  private static Command link(Args args) throws CommandError {
    String a = args.node("two nodes, like 'link n1 n2'");
    boolean oneWay = args.keyword("->");
    String b = args.node("a second node");
    if (a.equals(b)) {
      throw new CommandError("a link joins two different nodes", args.head().column(), "usage: link n1 n2 latency=const(50ms)");
    }
    Map<String, Args.Option> options = args.options(Set.of("latency", "loss"));
    args.end();
    if (options.isEmpty()) {
      throw new CommandError("link needs latency= or loss=", args.endColumn(), "for example: link " + a + " " + b + " latency=const(80ms)");
    }
    Latency latency = options.containsKey("latency") ? latency(options.get("latency")) : null;
    Double loss = options.containsKey("loss") ? options.get("loss").probability() : null;
    return new Command.Link(a, b, latency, loss, oneWay);
  }

  private static Latency latency(Args.Option option) throws CommandError {
    try {
      return LatencyParser.parse(option.value());
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage(), option.column());
    }
  }

  private static Command setQuorum(Args args) throws CommandError {
    args.requireCluster();
    Token head = args.next("how many acknowledgements to wait for: 0, a number, or all");
    int followers = args.context().nodes().size() - 1;
    if (followers == 0 && !head.text().equals("0")) {
      throw new CommandError("this cluster has no followers, so there is no acknowledgement to wait for", head.column(),
          "add one with 'add follower', or create a cluster with nodes=2 or more");
    }
    QuorumPolicy.Kind kind;
    int k;
    if (head.text().equals("0")) {
      Token extra = args.peek();
      if (extra != null && (extra.text().equals("first") || extra.text().equals("any"))) {
        throw new CommandError("'0 " + extra.text() + "' waits for nothing", extra.column(), "write 'setquorum 0' for asynchronous replication");
      }
      Map<String, Args.Option> options = args.options(Set.of("ack", "timeout"));
      args.end();
      if (!options.isEmpty()) {
        throw new CommandError("asynchronous replication waits for no acknowledgement, so ack= and timeout= do not apply", options.values().iterator().next().column());
      }
      return new Command.SetQuorum(QuorumPolicy.ASYNC);
    } else if (head.text().equals("all")) {
      kind = QuorumPolicy.Kind.ALL;
      k = followers;
    } else {
      k = count(head.text(), head.column());
      kind = null;
    }
    if (kind == null) {
      if (args.keyword("first")) {
        kind = QuorumPolicy.Kind.FIRST;
      } else if (args.keyword("any")) {
        kind = QuorumPolicy.Kind.ANY;
      }
    }
    List<String> standbys = new ArrayList<>();
    Token listToken = args.peek();
    if (listToken != null && listToken.kind() == Token.Kind.WORD && listToken.text().startsWith("(")) {
      args.advance();
      standbys = standbyList(args, listToken);
      if (kind == null) {
        kind = QuorumPolicy.Kind.FIRST;
      }
    }
    if (kind == null) {
      kind = QuorumPolicy.Kind.ANY;
    }
    Map<String, Args.Option> options = args.options(Set.of("ack", "timeout"));
    args.end();
    int eligible = standbys.isEmpty() ? followers : standbys.size();
    if (kind != QuorumPolicy.Kind.ALL && k > eligible) {
      throw new CommandError("cannot wait for " + k + " acknowledgements from " + eligible + (eligible == 1 ? " follower" : " followers"), head.column(),
          "use a number from 1 to " + eligible + ", or list more followers");
    }
    if (kind != QuorumPolicy.Kind.ALL && k == 0) {
      throw new CommandError("'0 first' and '0 any' wait for nothing", head.column(), "write 'setquorum 0' for asynchronous replication");
    }
    QuorumPolicy.AckLevel ack = options.containsKey("ack") ? ackLevel(options.get("ack")) : QuorumPolicy.AckLevel.RECEIVED;
    long timeoutUs = -1;
    if (options.containsKey("timeout") && !options.get("timeout").value().equals("never")) {
      timeoutUs = positiveDuration(options.get("timeout"));
    }
    return new Command.SetQuorum(new QuorumPolicy(kind, k, standbys, ack, timeoutUs));
  }

  private static List<String> standbyList(Args args, Token token) throws CommandError {
    String text = token.text();
    if (!text.endsWith(")")) {
      throw new CommandError("a list of followers is written (n2,n3)", token.column());
    }
    List<String> standbys = new ArrayList<>();
    int offset = 1;
    for (String part : text.substring(1, text.length() - 1).split(",", -1)) {
      String name = part.trim();
      int column = token.column() + offset + (part.length() - part.stripLeading().length());
      offset += part.length() + 1;
      if (name.isEmpty()) {
        throw new CommandError("empty name in the list of followers", column, "write (n2,n3)");
      }
      args.checkNode(name, column);
      if (name.equals(args.context().leader())) {
        throw new CommandError(name + " is the leader; list followers only", column);
      }
      if (standbys.contains(name)) {
        throw new CommandError(name + " is listed twice", column);
      }
      standbys.add(name);
    }
    return standbys;
  }

  private static QuorumPolicy.AckLevel ackLevel(Args.Option option) throws CommandError {
    return switch (option.value()) {
      case "received", "written", "flush" -> QuorumPolicy.AckLevel.RECEIVED;
      case "applied", "apply", "remote_apply" -> QuorumPolicy.AckLevel.APPLIED;
      default -> throw new CommandError("ack must be 'received' or 'applied', not '" + option.value() + "'", option.column());
    };
  }

  private static long positiveDuration(Args.Option option) throws CommandError {
    long us = option.durationUs();
    if (us <= 0) {
      throw new CommandError(option.key() + " must be longer than zero", option.column());
    }
    return us;
  }

  private static Command promote(Args args) throws CommandError {
    Token token = args.peek();
    String node = args.node("the follower to promote, like n2");
    args.end();
    if (!args.context().stateOf(node).equals("up")) {
      throw new CommandError(node + " is " + args.context().stateOf(node) + " and cannot lead", token.column(), "promote a node that is up");
    }
    if (node.equals(args.context().leader())) {
      throw new CommandError(node + " is already the leader", token.column(), "promote a follower");
    }
    return new Command.Promote(node);
  }

  private static Command failover(Args args) throws CommandError {
    args.requireCluster();
    Token mode = args.next("'auto' or 'manual'");
    if (!mode.text().equals("auto") && !mode.text().equals("manual")) {
      throw new CommandError("failover is 'auto' or 'manual', not '" + mode.text() + "'", mode.column(), "for example: failover auto detect=1s");
    }
    Map<String, Args.Option> options = args.options(specOptions("failover"));
    args.end();
    Long heartbeat = options.containsKey("heartbeat") ? positiveDuration(options.get("heartbeat")) : null;
    Long detect = options.containsKey("detect") ? positiveDuration(options.get("detect")) : null;
    long effectiveHeartbeat = heartbeat != null ? heartbeat : args.context().heartbeatUs();
    long effectiveDetect = detect != null ? detect : args.context().detectUs();
    if (effectiveDetect < 2 * effectiveHeartbeat) {
      Args.Option blame = options.containsKey("detect") ? options.get("detect") : options.getOrDefault("heartbeat", null);
      throw new CommandError("detection after " + dev.replab.engine.sim.Durations.format(effectiveDetect) + " would suspect a leader whose heartbeats come every "
          + dev.replab.engine.sim.Durations.format(effectiveHeartbeat), blame == null ? mode.column() : blame.column(), "make detect at least twice the heartbeat");
    }
    dev.replab.engine.cluster.FailoverSettings.Redirect redirect = null;
    if (options.containsKey("redirect")) {
      Args.Option option = options.get("redirect");
      redirect = switch (option.value()) {
        case "proxy" -> dev.replab.engine.cluster.FailoverSettings.Redirect.PROXY;
        case "dns" -> dev.replab.engine.cluster.FailoverSettings.Redirect.DNS;
        default -> throw new CommandError("redirect is 'proxy' or 'dns', not '" + option.value() + "'", option.column());
      };
    }
    Long ttl = options.containsKey("ttl") ? positiveDuration(options.get("ttl")) : null;
    return new Command.Failover(mode.text().equals("auto"), heartbeat, detect, onOff(options.get("monitor")),
        onOff(options.get("fencing")), onOff(options.get("stonith")), redirect, ttl);
  }

  private static Boolean onOff(Args.Option option) throws CommandError {
    if (option == null) {
      return null;
    }
    return switch (option.value()) {
      case "on", "true", "yes" -> true;
      case "off", "false", "no" -> false;
      default -> throw new CommandError(option.key() + " is 'on' or 'off', not '" + option.value() + "'", option.column());
    };
  }

  private static Command tick(Args args) throws CommandError {
    args.requireCluster();
    Token token = args.next("a duration, like 500ms or 2s");
    long us;
    try {
      us = dev.replab.engine.sim.Durations.parseUs(token.text());
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage(), token.column());
    }
    args.end();
    if (us > 24L * 3_600_000_000L) {
      throw new CommandError("tick moves at most 24h at once", token.column());
    }
    return new Command.Tick(us);
  }

  private static Command settle(Args args) throws CommandError {
    args.requireCluster();
    Map<String, Args.Option> options = args.options(Set.of("limit"));
    args.end();
    return new Command.Settle(options.containsKey("limit") ? positiveDuration(options.get("limit")) : 3_600_000_000L);
  }

  private static Command log(Args args) throws CommandError {
    String node = args.node("a node, like n1");
    Map<String, Args.Option> options = args.options(Set.of("last"));
    args.end();
    int last = options.containsKey("last") ? options.get("last").positiveInt(1_000_000) : 20;
    return new Command.Log(node, last);
  }

  private static Command inspect(Args args) throws CommandError {
    args.requireCluster();
    String key = args.word("a key, like x");
    args.end();
    return new Command.Inspect(key);
  }

  private static Command load(Args args) throws CommandError {
    args.requireCluster();
    Map<String, Args.Option> options = args.options(LOAD_OPTIONS);
    args.end();
    return new Command.Load(workload(options, args.context()));
  }

  private static Command sweep(Args args) throws CommandError {
    Map<String, Args.Option> options = args.options(SWEEP_OPTIONS);
    args.end();
    Args.Option replicasOption = options.get("replicas");
    if (replicasOption == null) {
      throw new CommandError("sweep needs replicas=, like replicas=1,2,4,8", args.endColumn(), "usage: sweep replicas=1,2,4,8 ops=20000 reads=90");
    }
    List<Integer> replicas = new ArrayList<>();
    for (String part : replicasOption.value().split(",")) {
      try {
        int count = Integer.parseInt(part.trim());
        if (count >= 1 && count <= 32) {
          replicas.add(count);
          continue;
        }
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new CommandError("replicas are node counts from 1 to 32 separated by commas, not '" + part + "'", replicasOption.column());
    }
    Long serviceUs = options.containsKey("service") ? positiveDuration(options.get("service")) : null;
    Map<String, Args.Option> loadOptions = new java.util.LinkedHashMap<>(options);
    loadOptions.remove("replicas");
    loadOptions.remove("service");
    if (loadOptions.containsKey("policy") && loadOptions.get("policy").value().equals("custom")) {
      throw new CommandError("sweep builds fresh clusters, which have no custom router", loadOptions.get("policy").column(),
          "use " + String.join(", ", Routers.POLICIES));
    }
    return new Command.Sweep(replicas, serviceUs, workload(loadOptions, args.context()));
  }

  private static dev.replab.engine.load.Workload workload(Map<String, Args.Option> options, ParseContext context) throws CommandError {
    long ops = options.containsKey("ops") ? options.get("ops").positiveInt(10_000_000) : 0;
    long durationUs = options.containsKey("duration") ? positiveDuration(options.get("duration")) : 0;
    if (ops == 0 && durationUs == 0) {
      ops = 1_000;
    }
    int clients = options.containsKey("clients") ? options.get("clients").positiveInt(10_000) : 8;
    int reads = 90;
    if (options.containsKey("reads")) {
      Args.Option option = options.get("reads");
      try {
        reads = Integer.parseInt(option.value().replace("%", ""));
      } catch (NumberFormatException e) {
        reads = -1;
      }
      if (reads < 0 || reads > 100) {
        throw new CommandError("reads is a percentage from 0 to 100, not '" + option.value() + "'", option.column());
      }
    }
    int keys = options.containsKey("keys") ? options.get("keys").positiveInt(1_000_000) : 100;
    boolean zipf = false;
    if (options.containsKey("dist")) {
      Args.Option option = options.get("dist");
      if (!option.value().equals("uniform") && !option.value().equals("zipf")) {
        throw new CommandError("dist is 'uniform' or 'zipf', not '" + option.value() + "'", option.column());
      }
      zipf = option.value().equals("zipf");
    }
    double rate = 0;
    if (options.containsKey("rate")) {
      Args.Option option = options.get("rate");
      try {
        rate = Double.parseDouble(option.value().replace("/s", ""));
      } catch (NumberFormatException e) {
        rate = -1;
      }
      if (rate <= 0) {
        throw new CommandError("rate is operations per second, like rate=200/s, not '" + option.value() + "'", option.column());
      }
    }
    String policy = options.containsKey("policy") ? readPolicy(options.get("policy"), context) : "round-robin";
    Consistency level = options.containsKey("consistency") ? consistency(options.get("consistency")) : Consistency.EVENTUAL;
    Boolean analyze = onOff(options.get("check"));
    return new dev.replab.engine.load.Workload(ops, clients, reads, keys, zipf, rate, durationUs, policy, level, analyze == null || analyze);
  }

  private static Command addFollower(Args args) throws CommandError {
    args.requireCluster();
    Token what = args.next("'follower'");
    if (!what.text().equals("follower")) {
      throw new CommandError("only followers can be added, not '" + what.text() + "'", what.column(), "write 'add follower'");
    }
    Map<String, Args.Option> options = args.options(Set.of("region"));
    args.end();
    String region = null;
    if (options.containsKey("region")) {
      region = options.get("region").value();
      checkRegion(args, region, options.get("region").column());
    }
    return new Command.AddFollower(region);
  }

  private static Command remove(Args args) throws CommandError {
    Token token = args.peek();
    String node = args.node("the follower to remove, like n3");
    args.end();
    if (node.equals(args.context().leader()) || node.equals(args.context().leaderOfRecord())) {
      throw new CommandError(node + " is the leader and cannot be removed", token.column(), "promote another node first");
    }
    String quorumProblem = args.context().removalBreaksQuorum(node);
    if (quorumProblem != null) {
      throw new CommandError(quorumProblem, token.column(), "change setquorum first");
    }
    if (args.context().nodes().size() <= 1) {
      throw new CommandError("a cluster needs at least one node", token.column());
    }
    return new Command.Remove(node);
  }

  private static Command watch(Args args) throws CommandError {
    args.requireCluster();
    long durationUs = 5_000_000;
    if (!args.atEnd() && !args.peek().text().contains("=")) {
      Token time = args.next("a duration");
      try {
        durationUs = dev.replab.engine.sim.Durations.parseUs(time.text());
      } catch (IllegalArgumentException e) {
        throw new CommandError(e.getMessage(), time.column());
      }
      if (durationUs <= 0 || durationUs > 3_600_000_000L) {
        throw new CommandError("watch runs for more than nothing and at most 1h", time.column());
      }
    }
    Map<String, Args.Option> options = args.options(Set.of("speed", "frames", "ascii"));
    args.end();
    double speed = 1;
    if (options.containsKey("speed")) {
      Args.Option option = options.get("speed");
      try {
        speed = Double.parseDouble(option.value().replace("x", ""));
      } catch (NumberFormatException e) {
        speed = -1;
      }
      if (speed <= 0 || speed > 10_000) {
        throw new CommandError("speed is how many simulated seconds pass per real second, like speed=10x, not '" + option.value() + "'", option.column());
      }
    }
    int frames = options.containsKey("frames") ? options.get("frames").positiveInt(200) : 5;
    Boolean ascii = onOff(options.get("ascii"));
    return new Command.Watch(durationUs, speed, frames, ascii == null || !ascii);
  }

  private static Command timeline(Args args) throws CommandError {
    args.requireCluster();
    int last = 40;
    long sinceUs = 0;
    while (!args.atEnd() && !args.peek().text().contains("=")) {
      if (args.keyword("last")) {
        Token count = args.next("a number of rows after 'last'");
        try {
          last = Integer.parseInt(count.text());
        } catch (NumberFormatException e) {
          last = 0;
        }
        if (last < 1) {
          throw new CommandError("'last' takes a positive number of rows, not '" + count.text() + "'", count.column());
        }
      } else if (args.keyword("since")) {
        Token time = args.next("a time after 'since', like 1s");
        try {
          sinceUs = dev.replab.engine.sim.Durations.parseUs(time.text());
        } catch (IllegalArgumentException e) {
          throw new CommandError(e.getMessage(), time.column());
        }
      } else {
        Token extra = args.peek();
        throw new CommandError("unexpected '" + extra.text() + "'", extra.column(), "usage: timeline [last <n>] [since <time>] [keys=x,y]");
      }
    }
    Map<String, Args.Option> options = args.options(Set.of("keys", "heartbeats", "ascii"));
    args.end();
    Set<String> keys = options.containsKey("keys") ? Set.copyOf(Arrays.asList(options.get("keys").value().split(","))) : Set.of();
    Boolean heartbeats = onOff(options.get("heartbeats"));
    Boolean ascii = onOff(options.get("ascii"));
    return new Command.TimelineView(new dev.replab.engine.render.Timeline.Options(last, sinceUs, keys, heartbeats != null && heartbeats, ascii == null || !ascii));
  }

  private static Command check(Args args) throws CommandError {
    args.requireCluster();
    String name = null;
    if (!args.atEnd()) {
      Token token = args.next("a checker");
      if (Checkers.named(token.text()) == null) {
        String suggestion = Suggest.closest(token.text(), Checkers.names());
        throw new CommandError("no checker '" + token.text() + "'", token.column(),
            (suggestion != null ? "did you mean '" + suggestion + "'? " : "") + "checkers are " + String.join(" ", Checkers.names()));
      }
      name = token.text();
    }
    args.end();
    return new Command.Check(name);
  }

  private static Command client(Args args) throws CommandError {
    args.requireCluster();
    Token token = args.next("a client name");
    if (!token.text().matches("[A-Za-z][A-Za-z0-9_-]*") || args.context().nodes().contains(token.text())) {
      throw new CommandError("'" + token.text() + "' is not a usable client name", token.column(), "use letters, digits, - and _, starting with a letter, and not a node's name");
    }
    Map<String, Args.Option> options = args.options(specOptions("client"));
    args.end();
    String region = null;
    if (options.containsKey("region")) {
      region = options.get("region").value();
      checkRegion(args, region, options.get("region").column());
      if (args.context().clients().contains(token.text())) {
        throw new CommandError("client " + token.text() + " already lives in its region", options.get("region").column(), "create a new client for another region");
      }
    }
    Long timeout = options.containsKey("timeout") ? positiveDuration(options.get("timeout")) : null;
    Consistency level = options.containsKey("consistency") ? consistency(options.get("consistency")) : null;
    String policy = options.containsKey("policy") ? readPolicy(options.get("policy"), args.context()) : null;
    return new Command.ClientSession(token.text(), region, timeout, level, policy);
  }

  private static Command seed(Args args) throws CommandError {
    Token token = args.next("a number");
    args.end();
    try {
      return new Command.Seed(Long.parseLong(token.text()));
    } catch (NumberFormatException e) {
      throw new CommandError("'" + token.text() + "' is not a whole number", token.column(), "for example: seed 42");
    }
  }

  private static Command help(Args args) throws CommandError {
    Token topic = args.atEnd() ? null : args.next("");
    args.end();
    if (topic != null && specs().stream().noneMatch(spec -> spec.name().equals(topic.text()))) {
      List<String> names = specs().stream().map(CommandSpec::name).toList();
      String suggestion = Suggest.closest(topic.text(), names);
      throw new CommandError("no command '" + topic.text() + "'", topic.column(),
          suggestion != null ? "did you mean 'help " + suggestion + "'?" : "type 'help' for the list of commands");
    }
    return new Command.Help(topic == null ? null : topic.text());
  }
}
