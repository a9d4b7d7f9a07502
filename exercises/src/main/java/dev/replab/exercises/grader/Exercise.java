package dev.replab.exercises.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One exercise: its package of learner code and, when the exercise folder is there, its task.
 *
 * @param id {@code ex01}: the package name under {@code dev.replab.exercises}
 * @param slug {@code stream-applier} from the folder {@code ex01-stream-applier}, or empty
 * @param title the task's title, like {@code Exercise 1: Apply the replication stream}
 * @param sourceDir the learner's sources of this exercise
 */
public record Exercise(String id, String slug, String title, Path sourceDir) {
  private static final Pattern ID = Pattern.compile("ex(\\d+)");
  private static final Pattern NUMBERED = Pattern.compile("(?:ex)?(\\d{1,6})");

  /** The package that holds the learner's classes and the graded tests. */
  public String packageName() {
    return "dev.replab.exercises." + id;
  }

  /**
   * Whether this is a scenario exercise: its folder holds a command script ({@code .replab}) and no
   * Java, and its tests run the script instead of calling a learner's class.
   */
  public boolean isScript() {
    try (Stream<Path> files = Files.list(sourceDir)) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      return names.stream().anyMatch(n -> n.endsWith(".replab"))
          && names.stream().noneMatch(n -> n.endsWith(".java"));
    } catch (IOException e) {
      return false;
    }
  }

  public int number() {
    Matcher matcher = ID.matcher(id);
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  /**
   * Finds the exercises whose sources are under {@code sourceRoot}, in order, with titles from the
   * task folders under {@code exercisesDir}.
   */
  static List<Exercise> find(Path sourceRoot, Path exercisesDir) throws IOException {
    Path packages = sourceRoot.resolve("dev/replab/exercises");
    List<Exercise> exercises = new ArrayList<>();
    if (!Files.isDirectory(packages)) {
      return exercises;
    }
    try (Stream<Path> dirs = Files.list(packages)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String id = dir.getFileName().toString();
        if (ID.matcher(id).matches()) {
          exercises.add(withTask(id, dir, exercisesDir));
        }
      }
    }
    return exercises;
  }

  private static Exercise withTask(String id, Path sourceDir, Path exercisesDir)
      throws IOException {
    if (exercisesDir != null && Files.isDirectory(exercisesDir)) {
      try (Stream<Path> dirs = Files.list(exercisesDir)) {
        for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
          String name = dir.getFileName().toString();
          if (name.startsWith(id + "-")) {
            return new Exercise(
                id,
                name.substring(id.length() + 1),
                title(dir.resolve("README.adoc"), id),
                sourceDir);
          }
        }
      }
    }
    return new Exercise(id, "", id, sourceDir);
  }

  /** The document title of the task: its first line that starts with {@code = }. */
  private static String title(Path readme, String fallback) throws IOException {
    if (!Files.isRegularFile(readme)) {
      return fallback;
    }
    for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
      if (line.startsWith("= ")) {
        return line.substring(2).strip();
      }
    }
    return fallback;
  }

  /**
   * Whether a learner's word names this exercise: {@code ex01}, {@code ex1}, {@code 1}, {@code 01},
   * {@code stream-applier} or {@code ex01-stream-applier}.
   */
  boolean isNamedBy(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals(id) || (!slug.isEmpty() && (w.equals(slug) || w.equals(id + "-" + slug)))) {
      return true;
    }
    Matcher numbered = NUMBERED.matcher(w);
    return numbered.matches() && Integer.parseInt(numbered.group(1)) == number();
  }
}
