package dev.replab.repl;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code replab run <file>}: runs a script of commands, showing each command before its output, so
 * the transcript reads like a session. Rejections name the file, line and column.
 */
final class ScriptRunner {
  private ScriptRunner() {}

  /**
   * Runs the lines in order until the end or {@code :quit}; returns how many commands were
   * rejected.
   */
  static int run(Path file, List<String> lines, Repl repl) {
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1);
      if (SessionFile.isBlank(line)) {
        continue;
      }
      repl.echo(line);
      if (!repl.handle(line, file + ":" + number)) {
        break;
      }
    }
    return repl.failures();
  }
}
