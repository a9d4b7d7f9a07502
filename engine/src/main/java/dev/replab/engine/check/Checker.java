package dev.replab.engine.check;

import java.util.List;

/**
 * Looks at what happened and names each anomaly of one kind. Checkers read the record of a run;
 * they never look inside nodes while it runs.
 */
public interface Checker {
  /** The name {@code check <name>} uses. */
  String name();

  /** What the checker looks for, in one sentence. */
  String describe();

  /**
   * Why this checker has nothing to look at in a run of this kind (split-brain on a model without
   * leaders), or null when it applies.
   */
  default String notApplicable(RunRecord record) {
    return null;
  }

  /**
   * Examines a run.
   *
   * @return the findings, empty when there were none
   * @throws Inconclusive when the record does not allow a verdict
   */
  List<Finding> check(RunRecord record) throws Inconclusive;

  /** Thrown when a checker cannot decide; it says why instead of claiming all is well. */
  final class Inconclusive extends Exception {
    public Inconclusive(String why) {
      super(why, null, false, false);
    }
  }
}
