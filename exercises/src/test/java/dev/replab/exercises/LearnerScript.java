package dev.replab.exercises;

import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.CommandRegistry;
import dev.replab.exercises.grader.LearnerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A learner's command script for a scenario exercise: the {@code .replab} file in the exercise's
 * folder, one command per line (or several separated by {@code ;}), {@code #} starting a comment.
 *
 * <p>Inside the grader the folder is the one of the submission being graded; in a build it is
 * {@code src/main/java/dev/replab/exercises/exNN/} of the module that runs the tests, which holds
 * the stubs in {@code exercises/} and the reference scripts in {@code solutions/}.
 */
public final class LearnerScript {
  private static final long SIZE_LIMIT_BYTES = 64 * 1024;

  private final String exercise;
  private final String fileName;
  private final List<Line> lines;

  /** One line of the script that holds something besides a comment. */
  public record Line(int number, String text) {}

  private LearnerScript(String exercise, String fileName, List<Line> lines) {
    this.exercise = exercise;
    this.fileName = fileName;
    this.lines = List.copyOf(lines);
  }

  /**
   * Reads the learner's script.
   *
   * @throws UnsupportedOperationException when the script holds no command yet, like a stub
   * @throws AssertionFailedError when there is no such file, or it is too large
   */
  public static LearnerScript read(String exercise, String fileName) {
    Path file = folder(exercise).resolve(fileName);
    if (!Files.isRegularFile(file)) {
      throw new AssertionFailedError(
          "there is no " + fileName + " in " + folder(exercise) + "; write your script there");
    }
    List<Line> lines = new ArrayList<>();
    try {
      if (Files.size(file) > SIZE_LIMIT_BYTES) {
        throw new AssertionFailedError(fileName + " is larger than 64 KiB; a script is short");
      }
      List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < text.size(); i++) {
        if (!isComment(text.get(i))) {
          lines.add(new Line(i + 1, text.get(i).strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty()) {
      throw new UnsupportedOperationException(
          "Exercise "
              + Integer.parseInt(exercise.substring(2))
              + ": "
              + fileName
              + " has no commands yet");
    }
    return new LearnerScript(exercise, fileName, lines);
  }

  private static Path folder(String exercise) {
    if (LearnerScript.class.getClassLoader() instanceof LearnerFiles files) {
      return files.exerciseSources();
    }
    return Path.of("src/main/java/dev/replab/exercises", exercise);
  }

  /** Blank, or nothing but a comment: no command, whatever the lexer makes of it. */
  private static boolean isComment(String line) {
    String stripped = line.strip();
    if (stripped.isEmpty() || stripped.startsWith("#")) {
      return true;
    }
    if (stripped.startsWith(":")) {
      return false;
    }
    try {
      return CommandRegistry.splitCommands(stripped).isEmpty();
    } catch (CommandError e) {
      return false;
    }
  }

  /**
   * Why {@code other} is not this script with only {@code option=}'s value changed, as a phrase, or
   * null when it is. Comments and blank lines do not count.
   */
  public String differenceBesides(LearnerScript other, String option) {
    if (lines.size() != other.lines.size()) {
      return other.fileName
          + " has "
          + other.lines.size()
          + " lines of commands and "
          + fileName
          + " has "
          + lines.size();
    }
    for (int i = 0; i < lines.size(); i++) {
      String mine = withoutValue(lines.get(i).text(), option);
      String theirs = withoutValue(other.lines.get(i).text(), option);
      if (!mine.equals(theirs)) {
        return other.fileName
            + " line "
            + other.lines.get(i).number()
            + " ('"
            + other.lines.get(i).text()
            + "') differs from "
            + fileName
            + " line "
            + lines.get(i).number()
            + " ('"
            + lines.get(i).text()
            + "') in more than "
            + option
            + "=";
      }
    }
    return null;
  }

  /** The line with every {@code option=value} reduced to {@code option=}, and spaces evened. */
  private static String withoutValue(String line, String option) {
    return line.replaceAll("\\b" + option + "=\\S+", option + "=").replaceAll("\\s+", " ");
  }

  /** The lines that set {@code option=} to {@code value}. */
  public List<Line> linesSetting(String option, String value) {
    List<Line> setting = new ArrayList<>();
    for (Line line : lines) {
      if (line.text().matches(".*\\b" + option + "=" + value + "(\\s.*|;.*)?$")) {
        setting.add(line);
      }
    }
    return setting;
  }

  public String exercise() {
    return exercise;
  }

  public String fileName() {
    return fileName;
  }

  /** The lines that hold commands, with their numbers in the file. */
  public List<Line> lines() {
    return lines;
  }
}
