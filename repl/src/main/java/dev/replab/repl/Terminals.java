package dev.replab.repl;

import java.io.Console;
import java.lang.reflect.Method;

/** Decides whether replab talks to a person at a terminal or to a pipe. */
final class Terminals {
  /**
   * Set by the launcher from the shell's own {@code [ -t 0 ] && [ -t 1 ]}, which is exact and free.
   */
  static final String PROPERTY = "replab.terminal";

  private Terminals() {}

  /** True when both standard input and standard output are a terminal. */
  static boolean interactive() {
    String told = System.getProperty(PROPERTY);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From JDK 22 a Console exists even for pipes and Console.isTerminal() tells the difference;
    // before that, a console exists only when both ends are a terminal. The method is looked up
    // by name because replab compiles for Java 17, where it does not exist.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
