package dev.replab.repl;

/**
 * Where a command came from, so a rejection can point at it.
 *
 * @param line the whole line as read (one line may hold several commands)
 * @param offset where this command starts within {@code line} (0-based)
 * @param origin a place such as {@code demo.replab:3} or {@code stdin:2}, or null when the line was
 *     typed or given with {@code -c}
 */
record Input(String line, int offset, String origin) {

  /** The same line, pointing at the command that starts at {@code offset}. */
  Input at(int offset) {
    return new Input(line, offset, origin);
  }

  /** A 1-based column within {@code source} turned into a 1-based column within the whole line. */
  int lineColumn(int sourceColumn) {
    return sourceColumn <= 0 ? 0 : offset + sourceColumn;
  }
}
