package dev.replab.exercises.ex06;

import dev.replab.engine.api.ReadRouter;
import java.util.ArrayList;
import java.util.List;

/** Plain round-robin over the followers: the bound is stored and never used. */
public final class LagAwareRouter implements ReadRouter {
  private final long maxLagEntries;
  private long turn;

  public LagAwareRouter(long maxLagEntries) {
    this.maxLagEntries = maxLagEntries;
  }

  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    List<Replica> followers = new ArrayList<>();
    for (Replica replica : replicas) {
      if (!replica.leader()) {
        followers.add(replica);
      }
    }
    List<Replica> pool = followers.isEmpty() ? replicas : followers;
    return pool.get((int) (turn++ % pool.size())).id();
  }
}
