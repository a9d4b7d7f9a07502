package dev.replab.exercises.grader;

import java.nio.file.Path;

/**
 * Implemented by the class loader of the graded tests in the grader: where the learner's files of
 * the exercise being graded are, for tests that read them (a scenario exercise's script) rather
 * than call a learner's class.
 */
public interface LearnerFiles {
  /**
   * The learner's folder of this exercise, like {@code src/main/java/dev/replab/exercises/ex10}.
   */
  Path exerciseSources();
}
