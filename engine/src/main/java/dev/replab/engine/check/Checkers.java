package dev.replab.engine.check;

import java.util.List;

/**
 * The checkers {@code check} knows, in the order it runs them. Linearizability runs only when named
 * (and in workload reports): every stale read is also a linearizability violation, so it would
 * repeat the others' findings, and its search costs far more.
 */
public final class Checkers {
  /** The budget a workload's report gives linearizability: one second's worth of states. */
  public static final long LOAD_BUDGET_US = 1_000_000;

  private Checkers() {}

  /** The checkers {@code check} runs when it names none. */
  public static List<Checker> all() {
    return List.of(
        new StaleReads(),
        new ReadYourWrites(),
        new MonotonicReads(),
        new ConsistentPrefix(),
        new LostWrites(),
        new LostUpdates(),
        new Causal(),
        new SplitBrain(),
        new Divergence());
  }

  /** The checkers a workload's report counts anomalies of: all, and linearizability. */
  public static List<Checker> forLoad() {
    List<Checker> checkers = new java.util.ArrayList<>(all());
    checkers.add(Linearizability.withBudget(LOAD_BUDGET_US, null));
    return checkers;
  }

  /** Every checker name {@code check <name>} takes. */
  public static List<String> names() {
    List<String> names = new java.util.ArrayList<>(all().stream().map(Checker::name).toList());
    names.add(new Linearizability().name());
    return names;
  }

  /** The checker with that name, with its default settings, or null. */
  public static Checker named(String name) {
    if (name.equals("linearizability")) {
      return new Linearizability();
    }
    return all().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
