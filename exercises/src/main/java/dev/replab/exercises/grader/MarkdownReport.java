package dev.replab.exercises.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The score table in GitHub's Markdown, appended to a file: the job summary of a GitHub Actions run
 * ({@code $GITHUB_STEP_SUMMARY}) shows it on the run's page.
 */
final class MarkdownReport {
  private static final int REASON_LIMIT_CHARS = 160;

  private MarkdownReport() {}

  static void append(GradeResult result, Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("## replab grade: ")
        .append(result.score())
        .append('/')
        .append(result.maxScore())
        .append("\n\n| exercise | score |\n|---|---:|\n");
    for (GradeResult.ExerciseResult exercise : result.exercises()) {
      text.append("| ")
          .append(cell(exercise.exercise().title()))
          .append(" | ")
          .append(exercise.score())
          .append('/')
          .append(exercise.maxScore())
          .append(" |\n");
    }
    text.append("\n<details><summary>every test</summary>\n\n")
        .append("| exercise | test | points | result | reason |\n|---|---|---:|---|---|\n");
    for (TestOutcome test : result.tests()) {
      text.append("| ")
          .append(test.exercise())
          .append(" | ")
          .append(cell(test.testName()))
          .append(" | ")
          .append(test.score())
          .append('/')
          .append(test.points())
          .append(" | ")
          .append(test.passed() ? "passed" : "**" + test.status().label() + "**")
          .append(" | ")
          .append(cell(shorten(test.reason())))
          .append(" |\n");
    }
    text.append("\n</details>\n\n");
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** A table cell: no line breaks, no pipes, no HTML of the learner's making. */
  private static String cell(String text) {
    return text.replace("\r", " ")
        .replace("\n", " ")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  private static String shorten(String reason) {
    return reason.length() <= REASON_LIMIT_CHARS
        ? reason
        : reason.substring(0, REASON_LIMIT_CHARS - 3) + "...";
  }
}
