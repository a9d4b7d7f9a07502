package dev.replab.engine.check;

import java.util.List;

/** The checkers {@code check} knows, in the order it runs them. */
public final class Checkers {
  private Checkers() {}

  public static List<Checker> all() {
    return List.of(
        new StaleReads(),
        new ReadYourWrites(),
        new MonotonicReads(),
        new ConsistentPrefix(),
        new LostWrites(),
        new SplitBrain(),
        new Divergence());
  }

  public static List<String> names() {
    return all().stream().map(Checker::name).toList();
  }

  /** The checker with that name, or null. */
  public static Checker named(String name) {
    return all().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
