package dev.replab.engine.command;

/**
 * A line the learner typed that cannot run. It says what was wrong, where (a 1-based column) and
 * what would be right. Rejected lines change nothing.
 */
public final class CommandError extends Exception {
  private final int column;
  private final String hint;

  public CommandError(String message, int column, String hint) {
    super(message, null, false, false);
    this.column = column;
    this.hint = hint;
  }

  public CommandError(String message, int column) {
    this(message, column, null);
  }

  public int column() {
    return column;
  }

  /** What would be right, or null. */
  public String hint() {
    return hint;
  }

  /** The whole complaint as one sentence. */
  public String sentence() {
    return getMessage() + (hint == null ? "" : "; " + hint);
  }
}
