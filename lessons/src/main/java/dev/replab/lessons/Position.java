package dev.replab.lessons;

/**
 * Where something stands in a lesson file.
 *
 * @param file the file's name, as messages show it
 * @param line 1-based line
 * @param column 1-based column
 */
public record Position(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
