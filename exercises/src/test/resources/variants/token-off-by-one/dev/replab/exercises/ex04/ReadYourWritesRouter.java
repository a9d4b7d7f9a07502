package dev.replab.exercises.ex04;

import dev.replab.engine.api.ReadRouter;
import java.util.ArrayList;
import java.util.List;

/** Demands a follower strictly past the token, so one that has applied exactly the client's write is passed over. */
public final class ReadYourWritesRouter implements ReadRouter {
  private long turn;

  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    List<Replica> qualified = new ArrayList<>();
    for (Replica replica : replicas) {
      if (!replica.leader() && replica.appliedOffset() > read.minOffset()) {
        qualified.add(replica);
      }
    }
    if (!qualified.isEmpty()) {
      return qualified.get((int) (turn++ % qualified.size())).id();
    }
    Replica best = replicas.get(0);
    for (Replica replica : replicas) {
      if (replica.leader()) {
        return replica.id();
      }
      if (replica.appliedOffset() > best.appliedOffset()) {
        best = replica;
      }
    }
    return best.id();
  }
}
