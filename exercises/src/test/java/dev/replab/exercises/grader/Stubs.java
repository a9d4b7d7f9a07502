package dev.replab.exercises.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shipped stubs in {@code src/main/java}, which are also where a learner writes code. The
 * checks that need the stubs as shipped run only while they still are: once a learner has started
 * an exercise, {@code ./mvnw verify} skips them for that exercise instead of failing.
 */
final class Stubs {
  static final Path SOURCES = Path.of("src/main/java/dev/replab/exercises");

  private Stubs() {}

  /** The exercise ids with a source folder, in order. */
  static List<String> exerciseIds() {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      return dirs.map(d -> d.getFileName().toString())
          .filter(n -> n.matches("ex\\d+"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True while every source file of the exercise still throws its "Exercise N: " stub exception,
   * and every script still holds nothing but comments.
   */
  static boolean shipped(String exerciseId) {
    String marker =
        "throw new UnsupportedOperationException(\"Exercise "
            + Integer.parseInt(exerciseId.substring(2))
            + ": ";
    try (Stream<Path> files = Files.list(SOURCES.resolve(exerciseId))) {
      List<Path> all = files.toList();
      List<Path> sources = all.stream().filter(f -> f.toString().endsWith(".java")).toList();
      List<Path> scripts = all.stream().filter(f -> f.toString().endsWith(".replab")).toList();
      for (Path source : sources) {
        if (!Files.readString(source).contains(marker)) {
          return false;
        }
      }
      // A scenario exercise's stub script holds comments and no command.
      for (Path script : scripts) {
        for (String line : Files.readAllLines(script)) {
          if (!line.isBlank() && !line.strip().startsWith("#")) {
            return false;
          }
        }
      }
      return !sources.isEmpty() || !scripts.isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean allShipped() {
    return exerciseIds().stream().allMatch(Stubs::shipped);
  }

  static String changedMessage() {
    return "the stubs of "
        + exerciseIds().stream().filter(id -> !shipped(id)).toList()
        + " have been worked on; this check runs on the stubs as shipped";
  }
}
