package dev.replab.engine.command;

import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parsers for what clients do: write, read, delete, client sessions, load and sweep. */
final class ClientGrammar {
  private ClientGrammar() {}

  static Command write(Args args) throws CommandError {
    args.requireCluster();
    String key = args.word("a key to write");
    String value = args.word("a value to write after the key");
    return writeTail(args, key, value, false);
  }

  static Command delete(Args args) throws CommandError {
    args.requireCluster();
    return writeTail(args, args.word("a key to delete"), null, true);
  }

  static Command writeTail(Args args, String key, String value, boolean delete)
      throws CommandError {
    String via = null;
    String client = null;
    Long tsUs = null;
    long afterUs = 0;
    while (!args.atEnd()) {
      if (via == null && args.keyword("via")) {
        via = args.node("a node after 'via'");
      } else if (client == null && args.keyword("as")) {
        client = clientName(args);
      } else if (tsUs == null && args.peek().text().startsWith("ts=")) {
        tsUs = timestamp(args);
      } else if (afterUs == 0 && args.peek().text().startsWith("after=")) {
        afterUs = args.options(java.util.Set.of("after")).get("after").positiveDurationUs();
      } else {
        Token extra = args.peek();
        throw new CommandError(
            "unexpected '" + extra.text() + "'",
            extra.column(),
            "after the "
                + (delete ? "key" : "value")
                + " come 'via <node>', 'as <client>', ts= and after=");
      }
    }
    return new Command.Write(key, value, via, client, delete, tsUs, afterUs);
  }

  /** {@code ts=<micros>}: the timestamp last write wins compares, as CQL's USING TIMESTAMP. */
  private static long timestamp(Args args) throws CommandError {
    Args.Option option = args.options(java.util.Set.of("ts")).get("ts");
    if (!args.context().takesTimestamps()) {
      throw new CommandError(
          "ts= gives a last-write-wins write its timestamp; this cluster orders writes otherwise",
          option.column(),
          "drop ts=, or create a leaderless cluster (versions=lww) to compare timestamps");
    }
    try {
      long ts = Long.parseLong(option.value());
      if (ts >= 0) {
        return ts;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new CommandError(
        "ts is a timestamp in microseconds, a whole number from 0, not '" + option.value() + "'",
        option.column());
  }

  static Command read(Args args) throws CommandError {
    args.requireCluster();
    String key = args.word("a key to read");
    String from = null;
    String client = null;
    Map<String, Args.Option> options = Map.of();
    while (!args.atEnd()) {
      if (from == null && (args.keyword("from") || args.keyword("via"))) {
        from = args.node("a node after 'from'");
      } else if (client == null && args.keyword("as")) {
        client = clientName(args);
      } else if (args.peek().text().contains("=")) {
        options = args.options(Grammar.specOptions("read"));
      } else {
        Token extra = args.peek();
        throw new CommandError(
            "unexpected '" + extra.text() + "'",
            extra.column(),
            "after the key come 'from <node>', 'as <client>' and options");
      }
    }
    Consistency level =
        options.containsKey("consistency") ? consistency(options.get("consistency")) : null;
    String policy =
        options.containsKey("policy") ? readPolicy(options.get("policy"), args.context()) : null;
    if (from != null && (level == Consistency.LEADER || policy != null)) {
      Args.Option option =
          options.containsKey("policy") ? options.get("policy") : options.get("consistency");
      throw new CommandError(
          "'from " + from + "' already chooses the node",
          option.column(),
          "drop either 'from' or " + option.key() + "=");
    }
    long afterUs = options.containsKey("after") ? options.get("after").positiveDurationUs() : 0;
    return new Command.Read(key, from, client, level, policy, afterUs);
  }

  /** Reads {@code alice} or {@code alice@us}; the region form creates the client there. */
  static String clientName(Args args) throws CommandError {
    Token token = args.next("a client name after 'as'");
    String text = token.text();
    int at = text.indexOf('@');
    String name = at < 0 ? text : text.substring(0, at);
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new CommandError(
          "'" + name + "' is not a client name",
          token.column(),
          "use letters, digits, - and _, starting with a letter");
    }
    if (args.context().nodes().contains(name)) {
      throw new CommandError(
          "'" + name + "' is a node, not a client", token.column(), "pick another client name");
    }
    if (at >= 0) {
      String region = text.substring(at + 1);
      checkRegion(args, region, token.column() + at + 1);
      String home = args.context().clientRegion(name);
      if (home != null && !home.equals(region)) {
        throw new CommandError(
            "client " + name + " lives in " + home + ", not " + region,
            token.column() + at + 1,
            "a client cannot move; use another name, like " + name + "2@" + region);
      }
      return name + "@" + region;
    }
    return name;
  }

  static void checkRegion(Args args, String region, int column) throws CommandError {
    List<String> regions = args.context().regions();
    if (!regions.contains(region)) {
      throw new CommandError(
          "no region '" + region + "'", column, "regions are " + String.join(" ", regions));
    }
  }

  static Consistency consistency(Args.Option option) throws CommandError {
    Consistency level = Consistency.parse(option.value());
    if (level == null) {
      throw new CommandError(
          "unknown consistency '" + option.value() + "'",
          option.column(),
          "use "
              + String.join(
                  ", ",
                  java.util.Arrays.stream(Consistency.values()).map(Consistency::word).toList()));
    }
    return level;
  }

  static String readPolicy(Args.Option option, ParseContext context) throws CommandError {
    List<String> policies = context.readPolicies();
    if (option.value().equals("custom") && !context.hasCustomRouter()) {
      throw new CommandError(
          "no custom read router is plugged in",
          option.column(),
          "plug one in from Java (cluster.setCustomRouter) or use " + String.join(", ", policies));
    }
    if (!policies.contains(option.value()) && !option.value().equals("custom")) {
      String suggestion = Suggest.closest(option.value(), policies);
      throw new CommandError(
          "unknown read policy '" + option.value() + "'",
          option.column(),
          (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
              + "policies are "
              + String.join(", ", policies));
    }
    return option.value();
  }

  static Command client(Args args) throws CommandError {
    args.requireCluster();
    Token token = args.next("a client name");
    if (!token.text().matches("[A-Za-z][A-Za-z0-9_-]*")
        || args.context().nodes().contains(token.text())) {
      throw new CommandError(
          "'" + token.text() + "' is not a usable client name",
          token.column(),
          "use letters, digits, - and _, starting with a letter, and not a node's name");
    }
    Map<String, Args.Option> options = args.options(Grammar.specOptions("client"));
    args.end();
    String region = null;
    if (options.containsKey("region") && options.containsKey("dc")) {
      throw new CommandError(
          "dc= and region= name the same thing; give one of them", options.get("dc").column());
    }
    Args.Option where = options.containsKey("dc") ? options.get("dc") : options.get("region");
    if (where != null) {
      region = where.value();
      checkRegion(args, region, where.column());
      if (args.context().clients().contains(token.text())) {
        throw new CommandError(
            "client " + token.text() + " already lives in its region",
            where.column(),
            "create a new client for another region");
      }
    }
    Long timeout =
        options.containsKey("timeout") ? Grammar.positiveDuration(options.get("timeout")) : null;
    Consistency level =
        options.containsKey("consistency") ? consistency(options.get("consistency")) : null;
    String policy =
        options.containsKey("policy") ? readPolicy(options.get("policy"), args.context()) : null;
    return new Command.ClientSession(token.text(), region, timeout, level, policy);
  }

  static Command load(Args args) throws CommandError {
    args.requireCluster();
    Map<String, Args.Option> options = args.options(Grammar.LOAD_OPTIONS);
    args.end();
    return new Command.Load(workload(options, args.context()));
  }

  static Command history(Args args) throws CommandError {
    args.requireCluster();
    Map<String, Args.Option> options =
        args.options(java.util.Set.of("last", "key", "client", "node", "outcome", "kind"));
    args.end();
    int last = options.containsKey("last") ? options.get("last").positiveInt(1_000_000) : 0;
    String node = null;
    if (options.containsKey("node")) {
      Args.Option option = options.get("node");
      node = args.checkNode(option.value(), option.column());
    }
    String client = options.containsKey("client") ? options.get("client").value() : null;
    if (client != null && !args.context().clients().contains(client)) {
      throw new CommandError(
          "no client '" + client + "'",
          options.get("client").column(),
          "clients are " + String.join(" ", args.context().clients()));
    }
    String outcome = oneOf(options.get("outcome"), List.of("ok", "fail", "unknown", "pending"));
    String kind = oneOf(options.get("kind"), List.of("read", "write", "delete"));
    String key = options.containsKey("key") ? options.get("key").value() : null;
    return new Command.History(last, key, client, node, outcome, kind);
  }

  private static String oneOf(Args.Option option, List<String> words) throws CommandError {
    if (option == null) {
      return null;
    }
    if (!words.contains(option.value())) {
      String near = Suggest.closest(option.value(), words);
      throw new CommandError(
          option.key() + " is " + String.join(", ", words) + ", not '" + option.value() + "'",
          option.column(),
          near == null ? null : "did you mean " + option.key() + "=" + near + "?");
    }
    return option.value();
  }

  static Command sweep(Args args) throws CommandError {
    Map<String, Args.Option> options = args.options(Grammar.SWEEP_OPTIONS);
    args.end();
    String unsized = args.context().notSizedByNodes();
    if (unsized != null) {
      throw new CommandError(
          "sweep varies the number of nodes, and " + unsized,
          args.head().column(),
          "compare sizes by hand: create multi-leader followers=0, then followers=2, each with the same load");
    }
    Args.Option replicasOption = options.get("replicas");
    if (replicasOption == null) {
      throw new CommandError(
          "sweep needs replicas=, like replicas=1,2,4,8",
          args.endColumn(),
          "usage: sweep replicas=1,2,4,8 ops=20000 reads=90");
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
      throw new CommandError(
          "replicas are node counts from 1 to 32 separated by commas, not '" + part + "'",
          replicasOption.column());
    }
    Long serviceUs =
        options.containsKey("service") ? Grammar.positiveDuration(options.get("service")) : null;
    Map<String, Args.Option> loadOptions = new java.util.LinkedHashMap<>(options);
    loadOptions.remove("replicas");
    loadOptions.remove("service");
    if (loadOptions.containsKey("policy") && loadOptions.get("policy").value().equals("custom")) {
      throw new CommandError(
          "sweep builds fresh clusters, which have no custom router",
          loadOptions.get("policy").column(),
          "use " + String.join(", ", args.context().readPolicies()));
    }
    return new Command.Sweep(replicas, serviceUs, workload(loadOptions, args.context()));
  }

  /**
   * The longest {@code load duration=}. A closed loop of the default clients makes about 5 k
   * operations per simulated second, so this is about as many operations as {@code ops=} allows:
   * measured, 10 minutes made 2.8 M operations in 40 s and 1.4 GB, too much for a laptop's REPL.
   */
  static final String LONGEST_LOAD = "5m";

  static final long LONGEST_LOAD_US = Durations.parseUs(LONGEST_LOAD);

  /** The most operations one {@code load} may ask for; every one of them stays in the history. */
  static final int MOST_LOAD_OPS = 2_000_000;

  static dev.replab.engine.load.Workload workload(
      Map<String, Args.Option> options, ParseContext context) throws CommandError {
    long ops = options.containsKey("ops") ? options.get("ops").positiveInt(MOST_LOAD_OPS) : 0;
    long durationUs =
        options.containsKey("duration") ? Grammar.positiveDuration(options.get("duration")) : 0;
    if (durationUs > LONGEST_LOAD_US) {
      throw new CommandError(
          "a load runs for at most "
              + LONGEST_LOAD
              + " of simulated time, not "
              + options.get("duration").value()
              + ": its history would outgrow the REPL's memory",
          options.get("duration").column(),
          "use a shorter duration=, or ops= to ask for a number of operations");
    }
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
        throw new CommandError(
            "reads is a percentage from 0 to 100, not '" + option.value() + "'", option.column());
      }
    }
    int keys = options.containsKey("keys") ? options.get("keys").positiveInt(1_000_000) : 100;
    boolean zipf = false;
    if (options.containsKey("dist")) {
      Args.Option option = options.get("dist");
      if (!option.value().equals("uniform") && !option.value().equals("zipf")) {
        throw new CommandError(
            "dist is 'uniform' or 'zipf', not '" + option.value() + "'", option.column());
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
        throw new CommandError(
            "rate is operations per second, like rate=200/s, not '" + option.value() + "'",
            option.column());
      }
    }
    String policy =
        options.containsKey("policy") ? readPolicy(options.get("policy"), context) : "round-robin";
    Consistency level =
        options.containsKey("consistency")
            ? consistency(options.get("consistency"))
            : Consistency.EVENTUAL;
    Boolean analyze = ClusterGrammar.onOff(options.get("check"));
    Boolean wait = ClusterGrammar.onOff(options.get("wait"));
    return new dev.replab.engine.load.Workload(
        ops,
        clients,
        reads,
        keys,
        zipf,
        rate,
        durationUs,
        policy,
        level,
        analyze == null || analyze,
        wait == null || wait);
  }
}
