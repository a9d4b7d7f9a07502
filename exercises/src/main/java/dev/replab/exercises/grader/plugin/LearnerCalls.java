package dev.replab.exercises.grader.plugin;

import java.lang.reflect.Method;

/**
 * The narrow interface through which the graded tests reach a learner's code: make an object, call
 * one of its plug point's methods. Whatever implements it runs the code somewhere the tests cannot
 * be touched from.
 */
public interface LearnerCalls {
  /**
   * Makes an instance of the learner's class.
   *
   * @return a handle for {@link #call}
   * @throws LearnerCodeStopped when the learner's code cannot answer (stopped, timed out, refused)
   */
  Handle construct(String className, Class<?>[] parameterTypes, Object[] args);

  /**
   * Calls a plug point's method on an object made by {@link #construct}; returns what the learner's
   * code returned, or throws what it threw.
   */
  Object call(Handle target, Method method, Object[] args);

  /**
   * An object in the learner's JVM. A handle belongs to one run of that JVM: once it has stopped,
   * calls on its objects fail.
   *
   * @param jvm which run of the learner's JVM made it
   * @param id the object's number there
   */
  record Handle(int jvm, int id) {}
}
