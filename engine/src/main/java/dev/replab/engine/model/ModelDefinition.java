package dev.replab.engine.model;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.command.Args;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.CommandSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the command language needs to know about one replication model before a cluster of it
 * exists: its name, the options {@code create} takes for it, its own commands, and how to start it
 * on a cluster's nodes.
 */
public interface ModelDefinition {
  /** The word {@code create} takes, such as {@code leader-follower}. */
  String name();

  /** What the model is, in one sentence, for {@code help}. */
  String summary();

  /** How many nodes {@code create} makes when {@code nodes=} is not given. */
  int defaultNodes();

  /** Where nodes go when {@code create} names no regions ({@code regions=} or {@code dcs=}). */
  default List<String> defaultRegions() {
    return List.of(dev.replab.engine.net.Regions.DEFAULT);
  }

  /** The {@code create} options only this model takes. */
  Set<String> createOptions();

  /** The {@code create} synopsis for this model. */
  String createUsage();

  /** Reads this model's own {@code create} options; the shared ones are already in {@code spec}. */
  ModelOptions parse(Map<String, Args.Option> options, ClusterSpec spec) throws CommandError;

  /** Starts the model on a new cluster: it adds the nodes and starts them. */
  ReplicationModel start(Cluster cluster, ModelOptions options);

  /** The commands only this model has, with their parsers and help. */
  List<CommandSpec> commands();

  /** The read routing policies that {@code policy=} accepts on this model. */
  List<String> readPolicies();

  /**
   * Why the model's size is not its number of nodes, so that {@code sweep replicas=} cannot vary
   * it; null when it is.
   */
  default String notSizedByNodes() {
    return null;
  }

  /** True when writes may carry an explicit timestamp ({@code ts=}), as last write wins reads. */
  default boolean takesTimestamps() {
    return false;
  }
}
