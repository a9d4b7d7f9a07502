package dev.replab.engine.command;

import java.util.List;

/**
 * What the parser may know about the session, so that it can reject lines before they change
 * anything.
 */
public interface ParseContext {
  boolean hasCluster();

  /** The name of the cluster's replication model, or null when there is no cluster. */
  String modelName();

  /** Node names in creation order. */
  List<String> nodes();

  List<String> clients();

  /** The region a client lives in, or null for a client that does not exist yet. */
  String clientRegion(String client);

  /** Regions of the cluster, in order. */
  List<String> regions();

  /** "up", "paused" or "crashed". */
  String stateOf(String node);

  /** True when a custom read router has been plugged in (for {@code policy=custom}). */
  boolean hasCustomRouter();

  /** The read policies the cluster's model accepts for {@code policy=}. */
  List<String> readPolicies();

  /** How many client operations the history holds. */
  int operationCount();

  /** True when the cluster's model takes explicit write timestamps ({@code ts=}). */
  boolean takesTimestamps();

  /**
   * Why {@code sweep} cannot resize the cluster's model by its number of nodes, or null when it can
   * (or there is no cluster).
   */
  default String notSizedByNodes() {
    return null;
  }

  /**
   * The cluster's model as the type a model's own parser expects, or null when there is no cluster
   * or it runs another model (the registry sends a model's commands only to clusters of it).
   */
  <M> M model(Class<M> type);
}
