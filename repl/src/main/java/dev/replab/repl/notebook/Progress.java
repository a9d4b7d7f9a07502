package dev.replab.repl.notebook;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How far a learner got in each lesson: the furthest cell reached and how many run cells held their
 * expectations. Kept in a small properties file so that it survives between sessions; written whole
 * and atomically, so a killed process never leaves half a file.
 */
public final class Progress {
  private final Path file;
  private final TreeMap<String, Integer> reached = new TreeMap<>();
  private final TreeMap<String, Integer> passed = new TreeMap<>();

  private Progress(Path file) {
    this.file = file;
  }

  /** Reads progress from {@code file}, or starts empty when there is none (or it is unreadable). */
  public static Progress load(Path file) {
    Progress progress = new Progress(file);
    if (file != null && Files.isReadable(file)) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        return progress;
      }
      for (String name : properties.stringPropertyNames()) {
        int value = parse(properties.getProperty(name));
        if (name.endsWith(".reached")) {
          progress.reached.put(name.substring(0, name.length() - 8), value);
        } else if (name.endsWith(".passed")) {
          progress.passed.put(name.substring(0, name.length() - 7), value);
        }
      }
    }
    return progress;
  }

  private static int parse(String text) {
    try {
      return Math.max(0, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The furthest cell (1-based) reached in a lesson, 0 if never opened. */
  public int reached(String lesson) {
    return reached.getOrDefault(lesson, 0);
  }

  /** How many run cells of a lesson held their expectations, at best. */
  public int passed(String lesson) {
    return passed.getOrDefault(lesson, 0);
  }

  void reach(String lesson, int cell) {
    if (cell > reached(lesson)) {
      reached.put(lesson, cell);
      save();
    }
  }

  void pass(String lesson, int runCells) {
    if (runCells > passed(lesson)) {
      passed.put(lesson, runCells);
      save();
    }
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "progress", ".tmp");
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        writer.write("# replab lesson progress\n");
        for (String lesson : reached.keySet()) {
          writer.write(lesson + ".reached=" + reached.get(lesson) + "\n");
        }
        for (String lesson : passed.keySet()) {
          writer.write(lesson + ".passed=" + passed.get(lesson) + "\n");
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // Progress is a convenience: losing it must never stop a lesson.
    }
  }
}
