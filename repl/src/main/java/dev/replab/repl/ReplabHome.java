package dev.replab.repl;

import java.nio.file.Path;
import java.util.Map;

/**
 * The folder for the shell's history and the last session's journal: {@code $REPLAB_HOME} when set
 * (handy for tests and for classrooms with shared accounts), otherwise {@code ~/.replab}.
 */
record ReplabHome(Path directory) {

  static ReplabHome from(Map<String, String> environment, String userHome) {
    String configured = environment.get("REPLAB_HOME");
    if (configured != null && !configured.isBlank()) {
      return new ReplabHome(Path.of(configured));
    }
    return new ReplabHome(Path.of(userHome, ".replab"));
  }

  Path history() {
    return directory.resolve("history");
  }

  Path journal() {
    return directory.resolve("last-session.replab");
  }

  /** The session before the last one, kept so that starting the shell never loses a journal. */
  Path previousJournal() {
    return directory.resolve("previous-session.replab");
  }
}
