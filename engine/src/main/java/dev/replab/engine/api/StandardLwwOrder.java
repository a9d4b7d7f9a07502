package dev.replab.engine.api;

import java.util.Comparator;

/**
 * The engine's own last-write-wins order: the later timestamp, then a delete over a write, then the
 * greater value, then the greater datacenter name and counter.
 */
public final class StandardLwwOrder implements LwwOrder {
  private static final Comparator<Write> ORDER =
      Comparator.comparingLong(Write::timestamp)
          .thenComparing(Write::deleted)
          .thenComparing(w -> w.value() == null ? "" : w.value())
          .thenComparing(Write::dc)
          .thenComparingLong(Write::counter);

  @Override
  public int compare(Write a, Write b) {
    return ORDER.compare(a, b);
  }
}
