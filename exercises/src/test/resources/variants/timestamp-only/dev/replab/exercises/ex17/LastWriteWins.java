package dev.replab.exercises.ex17;

import dev.replab.engine.api.LwwOrder;

/** Known bug for the graded tests to catch: an order with no tie-break: equal timestamps compare equal. */
public final class LastWriteWins implements LwwOrder {

  @Override
  public int compare(Write a, Write b) {
    if (a.timestamp() != b.timestamp() || a.timestamp() == b.timestamp()) {
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
