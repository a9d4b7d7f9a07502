package dev.replab.exercises.ex14;

import dev.replab.engine.api.VersionVectorRule;
import java.util.List;

/**
 * Exercise 14: compare and merge version vectors, so that a multi-leader cluster can tell a write
 * that saw another from two writes that conflict.
 *
 * <p>The task is in {@code exercises/ex14-version-vectors/README.adoc}. Replace the bodies of both
 * methods; you may add fields, methods and classes in this package. Grade your work with {@code
 * ./replab grade ex14}.
 */
public final class VersionVectors implements VersionVectorRule {

  @Override
  public Order compare(List<Entry> a, List<Entry> b) {
    throw new UnsupportedOperationException("Exercise 14: VersionVectors.compare is not written yet");
  }

  @Override
  public List<Entry> merge(List<Entry> a, List<Entry> b) {
    throw new UnsupportedOperationException("Exercise 14: VersionVectors.merge is not written yet");
  }
}
