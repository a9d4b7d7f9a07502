package dev.replab.repl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The live record of a shell session: every accepted command is appended and flushed at once, so if
 * the terminal is closed or the process killed, {@code replab run <journal>} rebuilds the cluster
 * exactly as it was. The file has the same format as {@code :save} writes.
 */
final class Journal implements AutoCloseable {
  private final Path file;
  private BufferedWriter writer;

  private Journal(Path file) {
    this.file = file;
  }

  /**
   * A journal that records nothing, for scripts and pipes (which can be rerun from their source).
   */
  static Journal none() {
    return new Journal(null);
  }

  /** Starts a fresh journal at {@code file}, replacing the previous session's. */
  static Journal start(Path file, long seed) throws IOException {
    return start(file, null, seed);
  }

  /**
   * Starts a fresh journal at {@code file}, first moving the previous session's journal to {@code
   * keepPreviousAs}: someone whose session was killed may well start the shell again before
   * thinking of replaying it, and that must not destroy the only copy.
   */
  static Journal start(Path file, Path keepPreviousAs, long seed) throws IOException {
    if (keepPreviousAs != null && Files.exists(file)) {
      Files.move(file, keepPreviousAs, StandardCopyOption.REPLACE_EXISTING);
    }
    Journal journal = new Journal(file);
    journal.restart(seed, List.of());
    return journal;
  }

  /** Where the journal is written, or null when it records nothing. */
  Path file() {
    return file;
  }

  /** Appends one accepted command and flushes it to the operating system. */
  void append(String command) throws IOException {
    if (writer == null) {
      return;
    }
    writer.write(command);
    writer.newLine();
    writer.flush();
  }

  /**
   * Replaces the journal's contents with a whole session (after {@code :open}); the rewrite is
   * atomic so a crash in the middle still leaves a replayable file.
   */
  void restart(long seed, List<String> commands) throws IOException {
    if (file == null) {
      return;
    }
    close();
    SessionFile.writeAtomically(file, SessionFile.lines(seed, commands));
    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
