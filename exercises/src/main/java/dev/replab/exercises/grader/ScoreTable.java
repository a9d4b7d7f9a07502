package dev.replab.exercises.grader;

import java.util.Locale;

/** The score table a learner reads in the terminal: one row per graded test, then the total. */
final class ScoreTable {
  private static final int REASON_WIDTH = 100;

  private ScoreTable() {}

  static String render(GradeResult result, boolean verbose) {
    int nameWidth = "test".length();
    for (TestOutcome test : result.tests()) {
      nameWidth = Math.max(nameWidth, test.testName().length());
    }
    for (GradeResult.ExerciseResult exercise : result.exercises()) {
      nameWidth = Math.max(nameWidth, exercise.exercise().title().length());
    }
    String row = "%-8s  %-" + nameWidth + "s  %6s  %-12s  %s%n";
    StringBuilder text = new StringBuilder();
    for (GradeResult.ExerciseResult exercise : result.exercises()) {
      if (!exercise.compiled()) {
        text.append(exercise.exercise().id())
            .append(" does not compile:\n")
            .append(indent(exercise.compileReport()))
            .append("\n\n");
      }
    }
    text.append(
            String.format(Locale.ROOT, row, "exercise", "test", "points", "result", "reason")
                .stripTrailing())
        .append('\n');
    for (TestOutcome test : result.tests()) {
      String outcome = test.passed() ? "passed" : test.status().label().toUpperCase(Locale.ROOT);
      text.append(
              String.format(
                      Locale.ROOT,
                      row,
                      test.exercise(),
                      test.testName(),
                      test.score() + "/" + test.points(),
                      outcome,
                      shorten(test.reason()))
                  .stripTrailing())
          .append('\n');
    }
    text.append('\n');
    for (GradeResult.ExerciseResult exercise : result.exercises()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-8s  %-" + nameWidth + "s  %6s%n",
              exercise.exercise().id(),
              exercise.exercise().title(),
              exercise.score() + "/" + exercise.maxScore()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%-8s  %-" + nameWidth + "s  %6s%n",
            "total",
            "",
            result.score() + "/" + result.maxScore()));
    if (verbose) {
      for (TestOutcome test : result.tests()) {
        if (!test.passed()) {
          text.append("\n--- ")
              .append(test.fullName())
              .append(": ")
              .append(test.status().label())
              .append('\n')
              .append(test.details().isEmpty() ? test.reason() : test.details())
              .append('\n');
        }
      }
    }
    return text.toString();
  }

  private static String shorten(String reason) {
    return reason.length() <= REASON_WIDTH ? reason : reason.substring(0, REASON_WIDTH - 3) + "...";
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
