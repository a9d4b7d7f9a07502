package dev.replab.lessons;

import dev.replab.engine.Session;

/**
 * Runs a lesson's Java cells. {@link dev.replab.lessons.java.JavaConsole} runs them in JShell with
 * the lesson's live session bound, for the REPL, the lesson tests and the book alike.
 */
@FunctionalInterface
public interface JavaCells {
  /** No Java runner: Java cells are shown and recorded as not executed. */
  JavaCells NONE =
      (snippet, session) -> {
        throw new UnsupportedOperationException("no Java cell runner is plugged in");
      };

  /**
   * Evaluates a snippet against the session and returns what it printed and produced. A snippet
   * that fails is reported in the returned text; an exception means the runner itself broke.
   */
  String eval(String snippet, Session session);
}
