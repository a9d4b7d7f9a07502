package dev.replab.exercises;

import dev.replab.exercises.grader.plugin.LearnerException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Says whose code an exception came from: the learner's (classes that come from the same place as
 * the learner's exercise class) or the engine's, which throws when a decision breaks one of its
 * invariants.
 */
public final class Blame {
  private Blame() {}

  /**
   * One phrase: who threw what, and where in the learner's code.
   *
   * @param learnerClass the exercise's class; every class from the same place counts as the
   *     learner's
   */
  public static String describe(Throwable thrown, Class<?> learnerClass) {
    URL learnerHome = home(learnerClass);
    String what =
        (thrown instanceof LearnerException learner
                ? learner.simpleTypeName()
                : thrown.getClass().getSimpleName())
            + (thrown.getMessage() == null ? "" : ": " + firstLine(thrown.getMessage()));
    StackTraceElement[] frames = thrown.getStackTrace();
    for (int i = 0; i < frames.length; i++) {
      if (learnerHome != null && learnerHome.equals(home(frames[i]))) {
        if (i == 0
            && thrown instanceof UnsupportedOperationException
            && String.valueOf(thrown.getMessage()).startsWith("Exercise ")) {
          // The stub's own message says it all: "Exercise 1: FollowerStream.decide is not written
          // yet".
          return thrown.getMessage();
        }
        String where = " (" + frames[i].getFileName() + ":" + frames[i].getLineNumber() + ")";
        String who =
            "your " + simpleName(frames[i].getClassName()) + "." + frames[i].getMethodName();
        return i == 0 ? who + " threw " + what + where : who + " led to " + what + where;
      }
    }
    return "the engine threw " + what;
  }

  private static URL home(StackTraceElement frame) {
    try {
      return home(Class.forName(frame.getClassName(), false, Blame.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static URL home(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null ? null : Objects.requireNonNull(source.getLocation());
  }

  private static String simpleName(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int nested = simple.indexOf('$');
    return nested < 0 ? simple : simple.substring(0, nested);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
