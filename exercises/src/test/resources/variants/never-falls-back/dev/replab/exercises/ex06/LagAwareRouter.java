package dev.replab.exercises.ex06;

import dev.replab.engine.api.ReadRouter;
import java.util.ArrayList;
import java.util.List;

/** When every follower is beyond the bound it picks the least lagging one anyway, and never asks the leader. */
public final class LagAwareRouter implements ReadRouter {
  private final long maxLagEntries;
  private long turn;

  public LagAwareRouter(long maxLagEntries) {
    this.maxLagEntries = maxLagEntries;
  }

  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    List<Replica> fresh = new ArrayList<>();
    for (Replica replica : replicas) {
      if (!replica.leader() && replica.lagEntries() <= maxLagEntries) {
        fresh.add(replica);
      }
    }
    if (!fresh.isEmpty()) {
      return fresh.get((int) (turn++ % fresh.size())).id();
    }
    Replica least = null;
    for (Replica replica : replicas) {
      if (false && replica.leader()) {
        return replica.id();
      }
      if (!replica.leader() && (least == null || replica.lagEntries() < least.lagEntries())) {
        least = replica;
      }
    }
    return least != null ? least.id() : replicas.get(0).id();
  }
}
