package dev.replab.engine.leaderless;

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

/** Leaderless as the command language sees it: its options, its commands, how it starts. */
final class LeaderlessDefinition implements ModelDefinition {
  static final String NAME = "leaderless";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "any node coordinates; a write waits for W of a key's N replicas, a read for R";
  }

  @Override
  public int defaultNodes() {
    return 5;
  }

  @Override
  public Set<String> createOptions() {
    return LeaderlessGrammar.CREATE_OPTIONS;
  }

  @Override
  public String createUsage() {
    return "create leaderless [nodes=5] [n=3] [w=2] [r=2] [read-repair=on|off] [anti-entropy=off|<d>] [sloppy=on|off] [handoff=<d>] [versions=lww|vector] [vnodes=<k>] [quorum-timeout=<d>] [reads=nearest|round-robin|random] <network options>";
  }

  @Override
  public ModelOptions parse(Map<String, Args.Option> options, ClusterSpec spec)
      throws CommandError {
    return LeaderlessGrammar.createOptions(options, spec);
  }

  @Override
  public ReplicationModel start(Cluster cluster, ModelOptions options) {
    return new Leaderless(cluster, (LeaderlessOptions) options);
  }

  @Override
  public List<String> readPolicies() {
    return LeaderlessGrammar.POLICIES;
  }

  @Override
  public boolean takesTimestamps() {
    return true;
  }

  @Override
  public List<CommandSpec> commands() {
    return List.of(
        spec(
            "setquorum",
            "setquorum [w=<k>] [r=<k>] [n=<k>]   (k: a number, one, quorum or all)",
            "Sets how many replicas a key has (n) and how many a write (w) and a read (r) wait for.",
            List.of(
                "setquorum w=2 r=2", "setquorum w=one r=all", "setquorum n=3 w=quorum r=quorum"),
            List.of(),
            Set.of("n", "w", "r"),
            ArgumentKind.NONE,
            LeaderlessGrammar::setQuorum),
        spec(
            "repair",
            "repair",
            "Runs one anti-entropy round now: every pair of replicas compares Merkle trees and swaps what differs.",
            List.of("repair"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            LeaderlessGrammar::repair),
        spec(
            "hints",
            "hints",
            "Lists the hints stand-ins hold for owners that were unreachable (sloppy quorum).",
            List.of("hints"),
            List.of(),
            Set.of(),
            ArgumentKind.NONE,
            LeaderlessGrammar::hints),
        spec(
                "staleness",
                "staleness [n=] [w=] [r=] [latency=<dist>|lnkd-ssd|lnkd-disk|ymmr|wan] [write=<dist>] [ack=<dist>] [read=<dist>] [response=<dist>] [t=0ms,1ms,...] [trials=<k>] [k=<versions>]",
                "Measures how likely a read t after a write commits is to see it, by running the real protocol many times (PBS).",
                List.of(
                    "staleness",
                    "staleness n=3 w=1 r=1 latency=exp(1ms) trials=2000",
                    "staleness latency=lnkd-ssd t=0ms,1ms,5ms,10ms trials=2000 k=2"),
                List.of(),
                LeaderlessGrammar.STALENESS_OPTIONS,
                ArgumentKind.NONE,
                LeaderlessGrammar::staleness)
            .standing());
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
