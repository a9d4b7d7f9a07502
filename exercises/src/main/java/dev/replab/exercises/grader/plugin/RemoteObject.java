package dev.replab.exercises.grader.plugin;

import java.lang.reflect.Method;

/**
 * What a stand-in for a learner's class holds: the handle of the real object in the learner's JVM.
 * The grader generates one stand-in per class an exercise asks for, with the class's name and the
 * plug point's methods, so that the graded tests use it as they would use the learner's class.
 */
public final class RemoteObject {
  private final LearnerCalls calls;
  private final LearnerCalls.Handle handle;

  private RemoteObject(LearnerCalls calls, LearnerCalls.Handle handle) {
    this.calls = calls;
    this.handle = handle;
  }

  /** Makes the learner's object whose stand-in is {@code standIn}. */
  public static RemoteObject create(Class<?> standIn, Class<?>[] parameterTypes, Object... args) {
    if (!(standIn.getClassLoader() instanceof PluginBinding binding)) {
      throw new IllegalStateException(
          standIn.getName() + " stands in for a learner's class only inside the grader");
    }
    LearnerCalls calls = binding.learnerCalls();
    return new RemoteObject(calls, calls.construct(standIn.getName(), parameterTypes, args));
  }

  /** Calls the learner's method and returns its answer. */
  public Object call(Method method, Object... args) {
    return calls.call(handle, method, args);
  }

  /** A plug point's method, looked up once by each stand-in. */
  public static Method method(Class<?> type, String name, Class<?>... parameterTypes) {
    try {
      return type.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no method " + type.getName() + "." + name, e);
    }
  }
}
