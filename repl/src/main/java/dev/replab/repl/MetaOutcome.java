package dev.replab.repl;

/**
 * What a shell command such as {@code :save} did.
 *
 * @param command the command's name with its colon, e.g. {@code :save}
 * @param ok false when it could not do what was asked
 * @param message what to tell the user when ok (may be empty), or why it failed
 * @param column where in the line the problem is (1-based), or 0
 */
record MetaOutcome(String command, boolean ok, String message, int column) {

  static MetaOutcome done(String command, String message) {
    return new MetaOutcome(command, true, message, 0);
  }

  static MetaOutcome failed(String command, String sentence, int column) {
    return new MetaOutcome(command, false, sentence, column);
  }
}
