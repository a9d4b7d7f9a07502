package dev.replab.repl;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved session: a header comment, {@code seed <n>}, then the accepted commands one per line. The
 * same file is a script for {@code replab run}, so replaying it needs nothing but replab.
 */
final class SessionFile {
  private SessionFile() {}

  /**
   * The file's lines. The seed comes first because it decides every random draw of the next {@code
   * create}; without it a replay under another default seed would diverge.
   */
  static List<String> lines(long seed, List<String> commands) {
    List<String> lines = new ArrayList<>(commands.size() + 2);
    lines.add(
        "# replab session; replay with: replab run <this file>  (or :open <this file> in the shell)");
    lines.add("seed " + seed);
    lines.addAll(commands);
    return lines;
  }

  /**
   * Writes the lines to a temporary file beside the target and then moves it into place, so a
   * reader (or a crash halfway) sees either the old file or the new one, never half of one.
   */
  static void writeAtomically(Path target, List<String> lines) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
    try {
      Files.write(temporary, lines, StandardCharsets.UTF_8);
      move(temporary, absolute);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Some file systems cannot rename atomically; replacing is still better than not saving.
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The lines of a script or saved session, as written (comments and blank lines included). */
  static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /** True when a line holds nothing to run: blank, or only a comment. */
  static boolean isBlank(String line) {
    String stripped = line.strip();
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  /** Runs a file's commands quietly; returns a description of each line that was rejected. */
  static List<String> replay(Session target, List<String> lines, Path file) {
    List<String> skipped = new ArrayList<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (isBlank(line)) {
        continue;
      }
      if (line.startsWith(":")) {
        skipped.add(file + ":" + number + ": shell commands are not replayed");
        continue;
      }
      for (Executed executed : target.execute(line)) {
        if (!executed.ok()) {
          int column = line.indexOf(executed.source()) + executed.column();
          skipped.add(file + ":" + number + ":" + column + ": " + executed.error());
        }
      }
    }
    return skipped;
  }

  /**
   * A file name as typed: surrounding quotes removed and a leading {@code ~/} meaning the home
   * directory.
   */
  static Path pathOf(String typed) {
    String name = typed;
    if (name.length() >= 2
        && (name.startsWith("\"") && name.endsWith("\"")
            || name.startsWith("'") && name.endsWith("'"))) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.equals("~") || name.startsWith("~/")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Path.of(name);
  }

  /** Why a file could not be read or written, in a few words that fit into a sentence. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fileError && fileError.getReason() != null) {
      return fileError.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
