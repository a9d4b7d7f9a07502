package dev.replab.engine.api;

import java.util.List;

/**
 * A load balancer for reads: picks the node a read goes to from the replicas it can see. Writes
 * always go to the leader; reads may go to any replica in the pool. The engine ships a router for
 * each {@code policy=}; an exercise asks the learner to write a lag-aware one.
 */
public interface ReadRouter {
  /**
   * Picks a node for one read.
   *
   * @param read who reads what, and the offset a session guarantee needs (0 when none)
   * @param replicas every node that is not crashed, in node order, the leader among them
   * @return the chosen node's id
   */
  String route(ReadRequest read, List<Replica> replicas);

  /**
   * One read as the router sees it.
   *
   * @param client the client's name
   * @param region the client's region
   * @param key the key read
   * @param minOffset the offset the answering node must have applied (0 when any will do)
   */
  record ReadRequest(String client, String region, String key, long minOffset) {}

  /**
   * A node as the router sees it: what a real load balancer learns from health checks and
   * replication-lag metrics.
   *
   * @param id the node's name
   * @param region where it is
   * @param leader whether it is the leader
   * @param appliedOffset how far its log is applied
   * @param lagEntries how many entries it is behind the leader
   * @param latencyUs the mean one-way delay from the client to it
   */
  record Replica(
      String id,
      String region,
      boolean leader,
      long appliedOffset,
      long lagEntries,
      double latencyUs) {}
}
