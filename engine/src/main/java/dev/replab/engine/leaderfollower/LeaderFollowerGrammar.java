package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.command.Args;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.Suggest;
import dev.replab.engine.command.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsers for what only a leader-follower cluster has: its create options, setquorum, promote,
 * failover, add follower, remove, lag and log.
 */
final class LeaderFollowerGrammar {
  static final Set<String> CREATE_OPTIONS = Set.of("apply", "heartbeat", "quorum", "ack", "reads");
  static final Set<String> FAILOVER_OPTIONS =
      Set.of("heartbeat", "detect", "monitor", "fencing", "stonith", "redirect", "ttl");

  private LeaderFollowerGrammar() {}

  private static LeaderFollower model(Args args) {
    return args.context().model(LeaderFollower.class);
  }

  // ---------------------------------------------------------------- create

  static LeaderFollowerOptions createOptions(Map<String, Args.Option> options, ClusterSpec spec)
      throws CommandError {
    LeaderFollowerOptions defaults = LeaderFollowerOptions.defaults();
    long applyUs =
        options.containsKey("apply") ? options.get("apply").durationUs() : defaults.applyUs();
    long heartbeatUs =
        options.containsKey("heartbeat")
            ? options.get("heartbeat").positiveDurationUs()
            : defaults.heartbeatUs();
    QuorumPolicy policy = QuorumPolicy.ASYNC;
    if (options.containsKey("quorum")) {
      Args.Option option = options.get("quorum");
      QuorumPolicy.AckLevel ack =
          options.containsKey("ack")
              ? ackLevel(options.get("ack"))
              : QuorumPolicy.AckLevel.RECEIVED;
      policy = quorumHead(option.value(), option.column(), spec.nodes() - 1, ack);
    } else if (options.containsKey("ack")) {
      throw new CommandError(
          "ack= only matters with a synchronous quorum",
          options.get("ack").column(),
          "add quorum=1 or quorum=all");
    }
    String reads =
        options.containsKey("reads") ? readPolicy(options.get("reads")) : defaults.readPolicy();
    return new LeaderFollowerOptions(applyUs, heartbeatUs, policy, reads);
  }

  /** A read policy for a new cluster, which has no custom router yet. */
  private static String readPolicy(Args.Option option) throws CommandError {
    if (option.value().equals("custom")) {
      throw new CommandError(
          "no custom read router is plugged in",
          option.column(),
          "plug one in from Java (cluster.setCustomRouter) or use "
              + String.join(", ", Routers.POLICIES));
    }
    if (!Routers.POLICIES.contains(option.value())) {
      String suggestion = Suggest.closest(option.value(), Routers.POLICIES);
      throw new CommandError(
          "unknown read policy '" + option.value() + "'",
          option.column(),
          (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
              + "policies are "
              + String.join(", ", Routers.POLICIES));
    }
    return option.value();
  }

  // ---------------------------------------------------------------- commands

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
      return new LeaderFollowerCommands.SetQuorum(QuorumPolicy.ASYNC);
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
      timeoutUs = options.get("timeout").positiveDurationUs();
    }
    return new LeaderFollowerCommands.SetQuorum(
        new QuorumPolicy(kind, k, standbys, ack, timeoutUs));
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
      if (name.equals(model(args).leaderName())) {
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
    if (node.equals(model(args).leaderName())) {
      throw new CommandError(node + " is already the leader", token.column(), "promote a follower");
    }
    return new LeaderFollowerCommands.Promote(node);
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
    Map<String, Args.Option> options = args.options(FAILOVER_OPTIONS);
    args.end();
    Long heartbeat =
        options.containsKey("heartbeat") ? options.get("heartbeat").positiveDurationUs() : null;
    Long detect = options.containsKey("detect") ? options.get("detect").positiveDurationUs() : null;
    long effectiveHeartbeat = heartbeat != null ? heartbeat : model(args).heartbeat();
    long effectiveDetect = detect != null ? detect : model(args).failover().detectUs();
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
    FailoverSettings.Redirect redirect = null;
    if (options.containsKey("redirect")) {
      Args.Option option = options.get("redirect");
      redirect =
          switch (option.value()) {
            case "proxy" -> FailoverSettings.Redirect.PROXY;
            case "dns" -> FailoverSettings.Redirect.DNS;
            default ->
                throw new CommandError(
                    "redirect is 'proxy' or 'dns', not '" + option.value() + "'", option.column());
          };
    }
    Long ttl = options.containsKey("ttl") ? options.get("ttl").positiveDurationUs() : null;
    return new LeaderFollowerCommands.Failover(
        mode.text().equals("auto"),
        heartbeat,
        detect,
        onOff(options.get("monitor")),
        onOff(options.get("fencing")),
        onOff(options.get("stonith")),
        redirect,
        ttl);
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
      checkRegion(args, region, options.get("region").column());
    }
    return new LeaderFollowerCommands.AddFollower(region);
  }

  static Command remove(Args args) throws CommandError {
    Token token = args.peek();
    String node = args.node("the follower to remove, like n3");
    args.end();
    if (node.equals(model(args).leaderName()) || node.equals(model(args).writeTarget().id())) {
      throw new CommandError(
          node + " is the leader and cannot be removed",
          token.column(),
          "promote another node first");
    }
    String quorumProblem = removalBreaksQuorum(model(args), node);
    if (quorumProblem != null) {
      throw new CommandError(quorumProblem, token.column(), "change setquorum first");
    }
    if (args.context().nodes().size() <= 1) {
      throw new CommandError("a cluster needs at least one node", token.column());
    }
    return new LeaderFollowerCommands.Remove(node);
  }

  /** Why removing a node would leave the commit rule unable to commit, or null. */
  private static String removalBreaksQuorum(LeaderFollower model, String node) {
    QuorumPolicy policy = model.policy();
    if (policy.standbys().contains(node)) {
      return node + " is listed in setquorum " + policy.describe();
    }
    int followersAfter = model.nodeIds().size() - 2;
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

  private static Boolean onOff(Args.Option option) throws CommandError {
    return option == null ? null : option.onOff();
  }

  private static void checkRegion(Args args, String region, int column) throws CommandError {
    List<String> regions = args.context().regions();
    if (!regions.contains(region)) {
      throw new CommandError(
          "no region '" + region + "'", column, "regions are " + String.join(" ", regions));
    }
  }

  static Command lag(Args args) throws CommandError {
    args.requireCluster();
    args.end();
    return new LeaderFollowerCommands.Lag();
  }

  static Command log(Args args) throws CommandError {
    String node = args.node("a node, like n1");
    Map<String, Args.Option> options = args.options(Set.of("last"));
    args.end();
    int last = options.containsKey("last") ? options.get("last").positiveInt(1_000_000) : 20;
    return new LeaderFollowerCommands.Log(node, last);
  }
}
