package dev.replab.engine.multileader;

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

/** Multi-leader as the command language sees it: its options, its commands, how it starts. */
final class MultiLeaderDefinition implements ModelDefinition {
  static final String NAME = "multi-leader";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "a leader in every datacenter takes local writes at once and replicates them to the"
        + " others asynchronously; concurrent writes conflict";
  }

  @Override
  public int defaultNodes() {
    return 6;
  }

  @Override
  public List<String> defaultRegions() {
    return List.of("eu", "us", "ap");
  }

  @Override
  public Set<String> createOptions() {
    return MultiLeaderGrammar.CREATE_OPTIONS;
  }

  @Override
  public String createUsage() {
    return "create multi-leader [dcs=eu,us,ap] [followers=1] [topology=all-to-all|circular|star]"
        + " [conflicts=lww|merge|siblings|custom] [clock=wall|lamport|hybrid] [causal=on|off]"
        + " [retry=<d>] <network options>";
  }

  @Override
  public ModelOptions parse(Map<String, Args.Option> options, ClusterSpec spec)
      throws CommandError {
    return MultiLeaderGrammar.createOptions(options, spec);
  }

  @Override
  public ReplicationModel start(Cluster cluster, ModelOptions options) {
    return new MultiLeader(cluster, (MultiLeaderOptions) options);
  }

  @Override
  public String notSizedByNodes() {
    return "a multi-leader cluster's size is its datacenters and their followers, not a number of"
        + " nodes";
  }

  @Override
  public List<String> readPolicies() {
    return List.of("local");
  }

  @Override
  public List<CommandSpec> commands() {
    return List.of(
        spec(
            "conflicts",
            "conflicts [lww|merge|siblings|custom]",
            "Lists every conflict found so far and how it was resolved, or changes how new ones are.",
            List.of("conflicts", "conflicts siblings", "conflicts lww"),
            List.of("lww", "merge", "siblings", "custom"),
            ArgumentKind.NONE,
            MultiLeaderGrammar::conflicts),
        spec(
            "type",
            "type <key> counter|pn-counter|set|register|mv-register",
            "Makes a key a CRDT (a counter or a set that merges) or a register, before it holds data.",
            List.of("type likes counter", "type stock pn-counter", "type cart set"),
            KeyType.words(),
            ArgumentKind.KEY,
            MultiLeaderGrammar::type),
        update(
            "incr",
            "incr <key> [amount] [via <leader>] [as <client>]",
            "Adds to a counter at the local leader; increments from every datacenter add up.",
            List.of("incr likes", "incr likes 5 as bob@us")),
        update(
            "decr",
            "decr <key> [amount] [via <leader>] [as <client>]",
            "Takes from a pn-counter at the local leader.",
            List.of("decr stock", "decr stock 2 as ana@ap")),
        update(
            "add",
            "add <key> <element> [via <leader>] [as <client>]",
            "Adds an element to a set at the local leader; an add wins over a concurrent remove.",
            List.of("add cart milk", "add cart eggs as bob@us")),
        update(
            "remove",
            "remove <key> <element> [via <leader>] [as <client>]",
            "Removes an element from a set: the copies of it this leader has seen.",
            List.of("remove cart milk", "remove cart eggs as bob@us")));
  }

  private static CommandSpec update(
      String name, String usage, String summary, List<String> examples) {
    return spec(
        name,
        usage,
        summary,
        examples,
        List.of("via", "as"),
        ArgumentKind.KEY,
        args -> MultiLeaderGrammar.update(name, args));
  }

  private static CommandSpec spec(
      String name,
      String usage,
      String summary,
      List<String> examples,
      List<String> keywords,
      ArgumentKind argument,
      CommandSpec.Parser parser) {
    return new CommandSpec(
        name, usage, summary, examples, keywords, Set.of(), argument, parser, NAME, false);
  }
}
