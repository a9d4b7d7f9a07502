package dev.replab.engine.command;

import java.util.List;

/**
 * What the parser may know about the session, so that it can reject lines before they change
 * anything.
 */
public interface ParseContext {
  boolean hasCluster();

  /** Node names in creation order. */
  List<String> nodes();

  List<String> clients();

  /** The region a client lives in, or null for a client that does not exist yet. */
  String clientRegion(String client);

  /** Regions of the cluster, in order. */
  List<String> regions();

  /** "up", "paused" or "crashed". */
  String stateOf(String node);

  /** The current leader, or null. */
  String leader();

  /** The newest node that leads or led, even a crashed one, or null. */
  String leaderOfRecord();

  /** Why removing a node would leave the commit rule unable to commit, or null. */
  String removalBreaksQuorum(String node);

  /** True when a custom read router has been plugged in (for {@code policy=custom}). */
  boolean hasCustomRouter();

  /** The leader's heartbeat interval now, in microseconds. */
  long heartbeatUs();

  /** The failure-detection timeout now, in microseconds. */
  long detectUs();
}
