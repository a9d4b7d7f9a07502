package dev.replab.exercises.grader.plugin;

/**
 * Implemented by the class loader that loads the graded tests in the grader: the stand-ins for the
 * learner's classes find, through it, the learner's JVM of the exercise being graded.
 */
public interface PluginBinding {
  LearnerCalls learnerCalls();
}
