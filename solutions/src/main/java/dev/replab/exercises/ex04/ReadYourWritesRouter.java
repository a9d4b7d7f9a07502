package dev.replab.exercises.ex04;

import dev.replab.engine.api.ReadRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference solution of Exercise 4: send a read where the client's own writes are already
 * visible, spreading reads over the followers that qualify, and fall back to the leader.
 */
public final class ReadYourWritesRouter implements ReadRouter {
  private long turn;

  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    List<Replica> qualified = new ArrayList<>();
    for (Replica replica : replicas) {
      // A follower that has applied the token's offset already shows the client its write:
      // it answers at once. One that has not would hold the read until it catches up.
      if (!replica.leader() && replica.appliedOffset() >= read.minOffset()) {
        qualified.add(replica);
      }
    }
    if (!qualified.isEmpty()) {
      // Taking turns spreads the reads, which is why there are followers at all.
      return qualified.get((int) (turn++ % qualified.size())).id();
    }
    Replica best = null;
    for (Replica replica : replicas) {
      if (replica.leader()) {
        return replica.id();
      }
      // No leader is up: the most advanced replica makes the read wait least.
      if (best == null || replica.appliedOffset() > best.appliedOffset()) {
        best = replica;
      }
    }
    return best.id();
  }
}
