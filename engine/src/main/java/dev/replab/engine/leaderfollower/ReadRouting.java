package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.ReadRouter;
import dev.replab.engine.cluster.Client;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.cluster.NodeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load balancer in front of the replicas: picks the node a read goes to when the command names
 * none. Each policy's router is made once per cluster, so its state (a round-robin turn, a sticky
 * client's replica) is shared by every client, as a real balancer's is.
 */
final class ReadRouting {
  private final LeaderFollower cluster;
  private final Map<String, ReadRouter> routers = new HashMap<>();

  ReadRouting(LeaderFollower cluster) {
    this.cluster = cluster;
  }

  boolean hasCustomRouter() {
    return routers.containsKey("custom");
  }

  void setCustomRouter(ReadRouter router) {
    routers.put("custom", router);
  }

  String route(Client client, String key, Consistency level, String policy) {
    String chosenPolicy = policy != null ? policy : client.policy();
    if (level == Consistency.LEADER || chosenPolicy.equals("leader")) {
      return cluster.route(client.name());
    }
    boolean withLatency = chosenPolicy.equals("nearest") || chosenPolicy.equals("custom");
    List<ReadRouter.Replica> replicas = replicaView(client, withLatency);
    if (replicas.isEmpty()) {
      return cluster.route(client.name());
    }
    ReadRouter router =
        routers.computeIfAbsent(
            chosenPolicy, p -> Routers.create(p, cluster.sim().rng("router " + p)));
    return router.route(
        new ReadRouter.ReadRequest(
            client.name(), client.region(), key, cluster.readToken(client.name(), level)),
        replicas);
  }

  /**
   * What a balancer sees of each node that is not crashed: its region, whether it leads, how far it
   * has applied and how far behind the longest log that is. Latency is measured only for the
   * policies that use it.
   */
  private List<ReadRouter.Replica> replicaView(Client client, boolean withLatency) {
    Node leader = cluster.leader();
    long leaderEnd = 0;
    for (Node node : cluster.nodesInOrder()) {
      if (node == leader || leader == null && node.state() != NodeState.CRASHED) {
        leaderEnd = Math.max(leaderEnd, node.log().lastOffset());
      }
    }
    List<ReadRouter.Replica> replicas = new ArrayList<>();
    for (Node node : cluster.nodesInOrder()) {
      if (node.state() != NodeState.CRASHED) {
        double latency = withLatency ? client.meanLatencyTo(node.id(), cluster.network()) : 0;
        replicas.add(
            new ReadRouter.Replica(
                node.id(),
                node.region(),
                node == leader,
                node.appliedOffset(),
                Math.max(0, leaderEnd - node.appliedOffset()),
                latency));
      }
    }
    return replicas;
  }
}
