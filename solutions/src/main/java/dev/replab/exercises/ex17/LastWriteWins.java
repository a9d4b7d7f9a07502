package dev.replab.exercises.ex17;

import dev.replab.engine.api.LwwOrder;

/**
 * Reference solution of Exercise 17: the later timestamp wins; on a tie a delete beats a write (so
 * a delete is never undone by a write stamped at the same instant), then the greater value, then
 * the greater datacenter and counter, so that no two different writes compare equal.
 */
public final class LastWriteWins implements LwwOrder {

  @Override
  public int compare(Write a, Write b) {
    if (a.timestamp() != b.timestamp()) {
      return Long.compare(a.timestamp(), b.timestamp());
    }
    if (a.deleted() != b.deleted()) {
      return a.deleted() ? 1 : -1;
    }
    String left = a.value() == null ? "" : a.value();
    String right = b.value() == null ? "" : b.value();
    if (!left.equals(right)) {
      return left.compareTo(right);
    }
    if (!a.dc().equals(b.dc())) {
      return a.dc().compareTo(b.dc());
    }
    return Long.compare(a.counter(), b.counter());
  }
}
