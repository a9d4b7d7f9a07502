package dev.replab.engine.store;

/**
 * How two versions of the same key are related in the happened-before order.
 *
 * <p>Read {@code a.compare(b) == BEFORE} as "a happened before b": every event a has seen, b has
 * seen too, and b has seen more.
 */
public enum Causality {
  /** The left version happened before the right one; the right one supersedes it. */
  BEFORE,
  /** The left version happened after the right one; it supersedes the right one. */
  AFTER,
  /** Both versions have seen exactly the same events. */
  EQUAL,
  /** Each version has seen an event the other has not: neither may overwrite the other. */
  CONCURRENT;

  /** The same relation seen from the other side: BEFORE becomes AFTER and back. */
  public Causality reversed() {
    return switch (this) {
      case BEFORE -> AFTER;
      case AFTER -> BEFORE;
      case EQUAL, CONCURRENT -> this;
    };
  }
}
