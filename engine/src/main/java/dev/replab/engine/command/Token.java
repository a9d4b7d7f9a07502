package dev.replab.engine.command;

/** One word of a command line and the 1-based column where it starts. */
public record Token(Kind kind, String text, int column) {
  /** What a token is. */
  public enum Kind {
    /** A bare word, which may be {@code key=value} and may contain balanced parentheses. */
    WORD,
    /** A quoted string, already unquoted. */
    STRING,
    /** The {@code |} between the two sides of a partition. */
    BAR,
    /** The {@code ;} between commands. */
    SEMICOLON,
    /** The {@code &} between client operations that start at the same instant. */
    AMPERSAND
  }

  /** The column just past the token, for errors about what is missing after it. */
  public int end() {
    return column + text.length();
  }
}
