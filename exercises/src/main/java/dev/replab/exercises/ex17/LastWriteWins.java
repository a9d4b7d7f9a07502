package dev.replab.exercises.ex17;

import dev.replab.engine.api.LwwOrder;

/**
 * Exercise 17: the order last write wins keeps writes by, with a tie-break that makes every leader
 * keep the same write.
 *
 * <p>The task is in {@code exercises/ex17-last-write-wins/README.adoc}. Replace the body of the
 * method; you may add fields, methods and classes in this package. Grade your work with {@code
 * ./replab grade ex17}.
 */
public final class LastWriteWins implements LwwOrder {

  @Override
  public int compare(Write a, Write b) {
    throw new UnsupportedOperationException("Exercise 17: LastWriteWins.compare is not written yet");
  }
}
