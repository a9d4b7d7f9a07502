package dev.replab.engine.command;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.cluster.ClusterConfig;
import dev.replab.engine.net.Latency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsers for commands that shape the cluster: create, setquorum, promote, failover, add and
 * remove.
 */
final class ClusterGrammar {
  private ClusterGrammar() {}

  static Command create(Args args) throws CommandError {
    Token model = args.next("a replication model, like 'leader-follower'");
    switch (model.text()) {
      case "leader-follower" -> {}
      case "multi-leader", "leaderless" ->
          throw new CommandError(
              model.text() + " clusters are not built yet",
              model.column(),
              "use 'create leader-follower'");
      default -> {
        String suggestion =
            Suggest.closest(model.text(), List.of("leader-follower", "multi-leader", "leaderless"));
        throw new CommandError(
            "unknown replication model '" + model.text() + "'",
            model.column(),
            (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
                + "models are leader-follower, multi-leader, leaderless");
      }
    }
    Map<String, Args.Option> options =
        args.options(args.context() == null ? Set.of() : Grammar.specOptions("create"));
    args.end();
    ClusterConfig defaults = ClusterConfig.defaults();
    int nodes =
        options.containsKey("nodes") ? options.get("nodes").positiveInt(64) : defaults.nodes();
    List<String> regions = defaults.regions();
    if (options.containsKey("regions")) {
      Args.Option option = options.get("regions");
      regions = Arrays.stream(option.value().split(",")).map(String::trim).toList();
      if (regions.stream().anyMatch(r -> !r.matches("[A-Za-z][A-Za-z0-9_-]*"))) {
        throw new CommandError(
            "regions must be names separated by commas, like regions=eu,us,ap", option.column());
      }
    }
    Latency inside =
        options.containsKey("latency") ? FaultGrammar.latency(options.get("latency")) : null;
    long wanUs = options.containsKey("wan") ? options.get("wan").durationUs() : 0;
    double loss = options.containsKey("loss") ? options.get("loss").probability() : 0;
    long applyUs =
        options.containsKey("apply") ? options.get("apply").durationUs() : defaults.applyUs();
    long heartbeatUs =
        options.containsKey("heartbeat")
            ? Grammar.positiveDuration(options.get("heartbeat"))
            : defaults.heartbeatUs();
    long timeoutUs =
        options.containsKey("timeout")
            ? Grammar.positiveDuration(options.get("timeout"))
            : defaults.clientTimeoutUs();
    QuorumPolicy policy = QuorumPolicy.ASYNC;
    if (options.containsKey("quorum")) {
      Args.Option option = options.get("quorum");
      QuorumPolicy.AckLevel ack =
          options.containsKey("ack")
              ? ackLevel(options.get("ack"))
              : QuorumPolicy.AckLevel.RECEIVED;
      policy = quorumHead(option.value(), option.column(), nodes - 1, ack);
    } else if (options.containsKey("ack")) {
      throw new CommandError(
          "ack= only matters with a synchronous quorum",
          options.get("ack").column(),
          "add quorum=1 or quorum=all");
    }
    long serviceUs =
        options.containsKey("service") ? options.get("service").durationUs() : defaults.serviceUs();
    String reads =
        options.containsKey("reads")
            ? ClientGrammar.readPolicy(options.get("reads"), Grammar.NO_CUSTOM_ROUTER)
            : defaults.readPolicy();
    return new Command.Create(
        model.text(),
        new ClusterConfig(
            nodes,
            regions,
            inside,
            wanUs,
            loss,
            applyUs,
            heartbeatUs,
            timeoutUs,
            policy,
            serviceUs,
            reads));
  }

  static QuorumPolicy quorumHead(String value, int column, int followers, QuorumPolicy.AckLevel ack)
      throws CommandError {
    if (value.equals("0")) {
      return QuorumPolicy.ASYNC;
    }
    if (value.equals("all")) {
      return new QuorumPolicy(QuorumPolicy.Kind.ALL, followers, List.of(), ack, -1);
    }
    int k = count(value, column);
    if (k > followers) {
      throw new CommandError(
          "a quorum of "
              + k
              + " needs at least "
              + k
              + " followers; there "
              + (followers == 1 ? "is 1" : "are " + followers),
          column);
    }
    return new QuorumPolicy(QuorumPolicy.Kind.ANY, k, List.of(), ack, -1);
  }

  static int count(String value, int column) throws CommandError {
    try {
      int k = Integer.parseInt(value);
      if (k >= 0) {
        return k;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new CommandError(
        "'" + value + "' is not a number of acknowledgements",
        column,
        "use 0 (asynchronous), a number like 1 or 2, or all");
  }

  static Command setQuorum(Args args) throws CommandError {
    args.requireCluster();
    Token head = args.next("how many acknowledgements to wait for: 0, a number, or all");
    int followers = args.context().nodes().size() - 1;
    if (followers == 0 && !head.text().equals("0")) {
      throw new CommandError(
          "this cluster has no followers, so there is no acknowledgement to wait for",
          head.column(),
          "add one with 'add follower', or create a cluster with nodes=2 or more");
    }
    QuorumPolicy.Kind kind;
    int k;
    if (head.text().equals("0")) {
      Token extra = args.peek();
      if (extra != null && (extra.text().equals("first") || extra.text().equals("any"))) {
        throw new CommandError(
            "'0 " + extra.text() + "' waits for nothing",
            extra.column(),
            "write 'setquorum 0' for asynchronous replication");
      }
      Map<String, Args.Option> options = args.options(Set.of("ack", "timeout"));
      args.end();
      if (!options.isEmpty()) {
        throw new CommandError(
            "asynchronous replication waits for no acknowledgement, so ack= and timeout= do not apply",
            options.values().iterator().next().column());
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
    if (listToken != null
        && listToken.kind() == Token.Kind.WORD
        && listToken.text().startsWith("(")) {
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
      throw new CommandError(
          "cannot wait for "
              + k
              + " acknowledgements from "
              + eligible
              + (eligible == 1 ? " follower" : " followers"),
          head.column(),
          "use a number from 1 to " + eligible + ", or list more followers");
    }
    if (kind != QuorumPolicy.Kind.ALL && k == 0) {
      throw new CommandError(
          "'0 first' and '0 any' wait for nothing",
          head.column(),
          "write 'setquorum 0' for asynchronous replication");
    }
    QuorumPolicy.AckLevel ack =
        options.containsKey("ack") ? ackLevel(options.get("ack")) : QuorumPolicy.AckLevel.RECEIVED;
    long timeoutUs = -1;
    if (options.containsKey("timeout") && !options.get("timeout").value().equals("never")) {
      timeoutUs = Grammar.positiveDuration(options.get("timeout"));
    }
    return new Command.SetQuorum(new QuorumPolicy(kind, k, standbys, ack, timeoutUs));
  }

  static List<String> standbyList(Args args, Token token) throws CommandError {
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

  static QuorumPolicy.AckLevel ackLevel(Args.Option option) throws CommandError {
    return switch (option.value()) {
      case "received", "written", "flush" -> QuorumPolicy.AckLevel.RECEIVED;
      case "applied", "apply", "remote_apply" -> QuorumPolicy.AckLevel.APPLIED;
      default ->
          throw new CommandError(
              "ack must be 'received' or 'applied', not '" + option.value() + "'", option.column());
    };
  }

  static Command promote(Args args) throws CommandError {
    Token token = args.peek();
    String node = args.node("the follower to promote, like n2");
    args.end();
    if (!args.context().stateOf(node).equals("up")) {
      throw new CommandError(
          node + " is " + args.context().stateOf(node) + " and cannot lead",
          token.column(),
          "promote a node that is up");
    }
    if (node.equals(args.context().leader())) {
      throw new CommandError(node + " is already the leader", token.column(), "promote a follower");
    }
    return new Command.Promote(node);
  }

  static Command failover(Args args) throws CommandError {
    args.requireCluster();
    Token mode = args.next("'auto' or 'manual'");
    if (!mode.text().equals("auto") && !mode.text().equals("manual")) {
      throw new CommandError(
          "failover is 'auto' or 'manual', not '" + mode.text() + "'",
          mode.column(),
          "for example: failover auto detect=1s");
    }
    Map<String, Args.Option> options = args.options(Grammar.specOptions("failover"));
    args.end();
    Long heartbeat =
        options.containsKey("heartbeat")
            ? Grammar.positiveDuration(options.get("heartbeat"))
            : null;
    Long detect =
        options.containsKey("detect") ? Grammar.positiveDuration(options.get("detect")) : null;
    long effectiveHeartbeat = heartbeat != null ? heartbeat : args.context().heartbeatUs();
    long effectiveDetect = detect != null ? detect : args.context().detectUs();
    if (effectiveDetect < 2 * effectiveHeartbeat) {
      Args.Option blame =
          options.containsKey("detect")
              ? options.get("detect")
              : options.getOrDefault("heartbeat", null);
      throw new CommandError(
          "detection after "
              + dev.replab.engine.sim.Durations.format(effectiveDetect)
              + " would suspect a leader whose heartbeats come every "
              + dev.replab.engine.sim.Durations.format(effectiveHeartbeat),
          blame == null ? mode.column() : blame.column(),
          "make detect at least twice the heartbeat");
    }
    dev.replab.engine.cluster.FailoverSettings.Redirect redirect = null;
    if (options.containsKey("redirect")) {
      Args.Option option = options.get("redirect");
      redirect =
          switch (option.value()) {
            case "proxy" -> dev.replab.engine.cluster.FailoverSettings.Redirect.PROXY;
            case "dns" -> dev.replab.engine.cluster.FailoverSettings.Redirect.DNS;
            default ->
                throw new CommandError(
                    "redirect is 'proxy' or 'dns', not '" + option.value() + "'", option.column());
          };
    }
    Long ttl = options.containsKey("ttl") ? Grammar.positiveDuration(options.get("ttl")) : null;
    return new Command.Failover(
        mode.text().equals("auto"),
        heartbeat,
        detect,
        onOff(options.get("monitor")),
        onOff(options.get("fencing")),
        onOff(options.get("stonith")),
        redirect,
        ttl);
  }

  static Boolean onOff(Args.Option option) throws CommandError {
    if (option == null) {
      return null;
    }
    return switch (option.value()) {
      case "on", "true", "yes" -> true;
      case "off", "false", "no" -> false;
      default ->
          throw new CommandError(
              option.key() + " is 'on' or 'off', not '" + option.value() + "'", option.column());
    };
  }

  static Command addFollower(Args args) throws CommandError {
    args.requireCluster();
    Token what = args.next("'follower'");
    if (!what.text().equals("follower")) {
      throw new CommandError(
          "only followers can be added, not '" + what.text() + "'",
          what.column(),
          "write 'add follower'");
    }
    Map<String, Args.Option> options = args.options(Set.of("region"));
    args.end();
    String region = null;
    if (options.containsKey("region")) {
      region = options.get("region").value();
      ClientGrammar.checkRegion(args, region, options.get("region").column());
    }
    return new Command.AddFollower(region);
  }

  static Command remove(Args args) throws CommandError {
    Token token = args.peek();
    String node = args.node("the follower to remove, like n3");
    args.end();
    if (node.equals(args.context().leader()) || node.equals(args.context().leaderOfRecord())) {
      throw new CommandError(
          node + " is the leader and cannot be removed",
          token.column(),
          "promote another node first");
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
}
