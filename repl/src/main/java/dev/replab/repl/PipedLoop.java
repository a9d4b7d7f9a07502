package dev.replab.repl;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads commands from a pipe or a redirected file, one line at a time, and prints plain output: no
 * prompt, no colour, no redraws. Used whenever standard input is not a terminal.
 */
final class PipedLoop {
  private PipedLoop() {}

  /**
   * Runs every line until the input ends or {@code :quit}; returns how many commands were rejected.
   */
  static int run(BufferedReader input, Repl repl) throws IOException {
    int number = 0;
    String line;
    while ((line = input.readLine()) != null) {
      number++;
      if (!repl.handle(line, "stdin:" + number)) {
        break;
      }
    }
    return repl.failures();
  }
}
