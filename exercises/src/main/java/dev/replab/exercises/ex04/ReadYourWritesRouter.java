package dev.replab.exercises.ex04;

import dev.replab.engine.api.ReadRouter;
import java.util.List;

/**
 * Exercise 4: route each read to a replica that already shows the client its own writes.
 *
 * <p>The task is in {@code exercises/ex04-read-your-writes-router/README.adoc}. Replace the body
 * of {@link #route}; you may add fields, methods and classes in this package. Grade your work
 * with {@code ./replab grade ex04}.
 */
public final class ReadYourWritesRouter implements ReadRouter {

  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    // Return the id of the node that should answer this read.
    throw new UnsupportedOperationException("Exercise 4: ReadYourWritesRouter.route is not written yet");
  }
}
