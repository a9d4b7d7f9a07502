package dev.replab.exercises.ex04;

import dev.replab.engine.api.ReadRouter;
import java.util.ArrayList;
import java.util.List;

/** Uses only followers with no lag at all: safe, but any write by anyone pushes every read to the leader. */
public final class ReadYourWritesRouter implements ReadRouter {
  private long turn;

  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    List<Replica> qualified = new ArrayList<>();
    for (Replica replica : replicas) {
      if (!replica.leader() && replica.lagEntries() == 0) {
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
