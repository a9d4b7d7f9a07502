package dev.replab.exercises.ex04;

import dev.replab.engine.api.ReadRouter;
import java.util.List;

/** Always fresh, never scaled: every read goes to the leader. */
public final class ReadYourWritesRouter implements ReadRouter {
  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    for (Replica replica : replicas) {
      if (replica.leader()) {
        return replica.id();
      }
    }
    return replicas.get(0).id();
  }
}
