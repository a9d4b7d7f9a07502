package dev.replab.repl;

import dev.replab.engine.Executed;
import java.io.PrintWriter;
import java.util.function.ToIntFunction;

/**
 * The human rendering. Results print the engine's own text; rejections go to the error stream as
 * one sentence with the column, or, in the shell, as a caret under the typed line.
 */
final class TextPrinter implements Printer {
  /** The typed line's position on screen is unknown: a caret goes under a copy of the line. */
  static final int UNKNOWN_INDENT = -1;

  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;
  private final ToIntFunction<String> columns;
  private int typedLineIndent = UNKNOWN_INDENT;
  private boolean typedLineAbove;

  /**
   * @param out where results go
   * @param err where rejections and warnings go
   * @param interactive a person is at a terminal: point at mistakes with a caret, in colour
   * @param columns how many screen columns a piece of text takes (wide characters take two), so the
   *     caret lands under the right character
   */
  TextPrinter(
      PrintWriter out, PrintWriter err, boolean interactive, ToIntFunction<String> columns) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
    this.columns = columns;
  }

  /**
   * A printer that counts one column per character, which is right for the ASCII of scripts and
   * pipes.
   */
  TextPrinter(PrintWriter out, PrintWriter err, boolean interactive) {
    this(out, err, interactive, String::length);
  }

  /**
   * Tells the printer that a line was just typed after a prompt {@code indent} columns wide, so a
   * caret on the next line can point straight into it ({@link #UNKNOWN_INDENT} if the line wrapped
   * or its position is not known).
   */
  void typedLineAt(int indent) {
    typedLineIndent = indent;
    typedLineAbove = indent >= 0;
  }

  @Override
  public void echo(String line) {
    println("> " + line);
  }

  @Override
  public void executed(Executed executed, Input input) {
    if (executed.ok()) {
      println(executed.result().text());
    } else {
      rejection(executed.error(), input.lineColumn(executed.column()), input);
    }
  }

  @Override
  public void meta(MetaOutcome outcome, long nowUs, Input input) {
    if (!outcome.ok()) {
      rejection(outcome.message(), outcome.column(), input);
    } else if (!outcome.message().isEmpty()) {
      println(outcome.message());
    }
  }

  private void println(String text) {
    out.println(text);
    typedLineAbove = false;
  }

  private void rejection(String sentence, int column, Input input) {
    // Results and errors go to different streams; flushing first keeps them in reading order.
    out.flush();
    if (interactive) {
      if (column > 0) {
        caret(column, input);
      }
      err.println(paint("error:") + " " + sentence);
      typedLineAbove = false;
    } else {
      err.println(place(column, input) + sentence);
    }
    err.flush();
  }

  /**
   * Points at the column: right under the typed line when it is the last thing on screen, otherwise
   * (an earlier command on the same line printed something) under a copy of it.
   */
  private void caret(int column, Input input) {
    int indent = typedLineIndent;
    if (!typedLineAbove) {
      indent = 2;
      err.println(" ".repeat(indent) + input.line());
    }
    int before =
        columns.applyAsInt(input.line().substring(0, Math.min(column - 1, input.line().length())));
    err.println(paint(" ".repeat(indent + before) + "^"));
  }

  private static String place(int column, Input input) {
    if (input.origin() != null) {
      return input.origin() + (column > 0 ? ":" + column : "") + ": error: ";
    }
    return "error" + (column > 0 ? " at column " + column : "") + ": ";
  }

  /**
   * Something the user should know that is not the outcome of a command (a journal that cannot be
   * written).
   */
  void warn(String sentence) {
    out.flush();
    err.println("warning: " + sentence);
    err.flush();
  }

  private String paint(String text) {
    return interactive ? RED + text + RESET : text;
  }

  @Override
  public void flush() {
    out.flush();
    err.flush();
  }
}
