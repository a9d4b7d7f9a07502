package dev.replab.exercises.ex06;

import dev.replab.engine.api.ReadRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference solution of Exercise 6: a load balancer that spreads reads over the followers whose
 * lag is within a bound, and sends them to the leader when no follower is fresh enough.
 */
public final class LagAwareRouter implements ReadRouter {
  private final long maxLagEntries;
  private long turn;

  /** @param maxLagEntries how many entries behind the leader a follower may be and still serve reads */
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
    Replica leastLagging = null;
    for (Replica replica : replicas) {
      if (replica.leader()) {
        // Every follower is too far behind: the leader is always fresh.
        return replica.id();
      }
      if (leastLagging == null || replica.lagEntries() < leastLagging.lagEntries()) {
        leastLagging = replica;
      }
    }
    // No leader is up (a failover is under way): the least stale answer is the best there is.
    return leastLagging.id();
  }
}
