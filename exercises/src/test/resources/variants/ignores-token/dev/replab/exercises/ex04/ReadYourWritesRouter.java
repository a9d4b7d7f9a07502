package dev.replab.exercises.ex04;

import dev.replab.engine.api.ReadRouter;
import java.util.ArrayList;
import java.util.List;

/** Plain round-robin over the followers: the token is never looked at, so reads wait on lagging followers. */
public final class ReadYourWritesRouter implements ReadRouter {
  private long turn;

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
