package dev.replab.repl;

import dev.replab.engine.Executed;

/**
 * Shows what commands did: as text for people ({@link TextPrinter}) or as one JSON object per
 * command for programs ({@link JsonPrinter}). The loop that reads lines never formats anything
 * itself, so both renderings stay in one place each.
 */
interface Printer {

  /** Repeats a script's line before its output, so a transcript reads like a session. */
  void echo(String line);

  /** One engine command, accepted or rejected. */
  void executed(Executed executed, Input input);

  /**
   * A shell command such as {@code :save}; {@code message} may be empty when there is nothing to
   * say.
   */
  void meta(MetaOutcome outcome, long nowUs, Input input);

  /** Pushes out anything buffered; called after every line so output keeps pace with input. */
  void flush();
}
