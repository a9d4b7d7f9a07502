package dev.replab.exercises.ex06;

import dev.replab.engine.api.ReadRouter;
import java.util.List;

/**
 * Exercise 6: a load balancer that keeps reads away from followers that lag too far behind.
 *
 * <p>The task is in {@code exercises/ex06-lag-aware-balancer/README.adoc}. Replace the body of
 * {@link #route}; you may add fields, methods and classes in this package, but keep the
 * constructor. Grade your work with {@code ./replab grade ex06}.
 */
public final class LagAwareRouter implements ReadRouter {

  /** @param maxLagEntries how many entries behind the leader a follower may be and still serve reads */
  public LagAwareRouter(long maxLagEntries) {}

  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    // Return the id of the node that should answer this read.
    throw new UnsupportedOperationException("Exercise 6: LagAwareRouter.route is not written yet");
  }
}
