package dev.replab.engine.leaderfollower;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.command.Args;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.CommandSpec;
import dev.replab.engine.command.CommandSpec.ArgumentKind;
import dev.replab.engine.model.ModelDefinition;
import dev.replab.engine.model.ModelOptions;
import dev.replab.engine.model.ReplicationModel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Leader-follower as the command language sees it: its options, its commands, how it starts. */
final class LeaderFollowerDefinition implements ModelDefinition {
  static final String NAME = "leader-follower";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "one leader orders every write into a log that followers apply in order";
  }

  @Override
  public int defaultNodes() {
    return 3;
  }

  @Override
  public Set<String> createOptions() {
    return LeaderFollowerGrammar.CREATE_OPTIONS;
  }

  @Override
  public String createUsage() {
    return "create leader-follower [nodes=3] [regions=eu,us] [latency=<dist>] [wan=<d>] [loss=<p>] [apply=<d>] [heartbeat=<d>] [timeout=<d>] [quorum=0|k|all] [ack=received|applied] [service=<d>] [reads=<policy>]";
  }

  @Override
  public ModelOptions parse(Map<String, Args.Option> options, ClusterSpec spec)
      throws CommandError {
    return LeaderFollowerGrammar.createOptions(options, spec);
  }

  @Override
  public ReplicationModel start(Cluster cluster, ModelOptions options) {
    return new LeaderFollower(cluster, (LeaderFollowerOptions) options);
  }

  @Override
  public List<String> readPolicies() {
    return Routers.POLICIES;
  }

  @Override
  public List<CommandSpec> commands() {
    return List.of(
        spec(
            "setquorum",
            "setquorum 0|all|<k> [first|any] [(<node>,...)] [ack=received|applied] [timeout=<d>|never]",
            "Sets how many follower acknowledgements a commit waits for: 0 asynchronous, all synchronous, k semi-synchronous.",
            List.of(
                "setquorum 0",
                "setquorum all ack=applied",
                "setquorum 2 first (n2,n3,n4)",
                "setquorum 1 any timeout=10s"),
            List.of("first", "any", "all"),
            Set.of("ack", "timeout"),
            ArgumentKind.NONE,
            LeaderFollowerGrammar::setQuorum),
        spec(
            "promote",
            "promote <node>",
            "Makes a follower the leader of a new epoch (manual failover); the others follow it.",
            List.of("promote n2"),
            List.of(),
            Set.of(),
            ArgumentKind.NODE,
            LeaderFollowerGrammar::promote),
        spec(
            "failover",
            "failover auto|manual [heartbeat=<d>] [detect=<d>] [monitor=on|off] [fencing=on|off] [stonith=on|off] [redirect=proxy|dns] [ttl=<d>]",
            "Turns automatic failover on or off: heartbeats, detection, election or a monitor, fencing, STONITH, client redirection.",
            List.of(
                "failover auto detect=1s",
                "failover auto monitor=on stonith=on",
                "failover auto fencing=on redirect=dns ttl=5s",
                "failover manual"),
            List.of("auto", "manual"),
            Set.of("heartbeat", "detect", "monitor", "fencing", "stonith", "redirect", "ttl"),
            ArgumentKind.NONE,
            LeaderFollowerGrammar::failover),
        spec(
            "lag",
            "lag",
            "Shows how far each follower is behind the leader, in entries and in time.",
            List.of("lag"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            LeaderFollowerGrammar::lag),
        spec(
            "log",
            "log <node> [last=<n>]",
            "Lists a node's replication log: offset, epoch, the write, applied or not.",
            List.of("log n1", "log n2 last=5"),
            List.of(),
            Set.of("last"),
            ArgumentKind.NODE,
            LeaderFollowerGrammar::log),
        spec(
            "add",
            "add follower [region=<region>]",
            "Adds an empty follower at run time; it copies the leader's log.",
            List.of("add follower", "add follower region=us"),
            List.of("follower"),
            Set.of("region"),
            ArgumentKind.NONE,
            LeaderFollowerGrammar::addFollower),
        spec(
            "remove",
            "remove <node>",
            "Removes a follower from the cluster for good.",
            List.of("remove n3"),
            List.of(),
            Set.of(),
            ArgumentKind.NODE,
            LeaderFollowerGrammar::remove));
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
    return new CommandSpec(
        name, usage, summary, examples, keywords, options, argument, parser, NAME, false);
  }
}
