package dev.replab.exercises.grader;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes Gradescope's {@code results.json}: the score, how long grading took, a summary, and per
 * test its name, number, score, maximum, status, output, visibility and tags.
 *
 * <p>What a learner may see follows each test's {@link Visibility}. The summary and the standard
 * output (the score table) name every test, so they are shown to learners only when every test is
 * visible; otherwise the summary counts the visible tests alone and the standard output is kept for
 * instructors.
 *
 * @see <a href="https://gradescope-autograders.readthedocs.io/en/latest/specs/">the Gradescope
 *     autograder specification</a>
 */
final class GradescopeReport {
  private GradescopeReport() {}

  /** Writes the file whole or not at all, so that no reader ever sees half of it. */
  static void write(GradeResult result, Path file) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (JsonGenerator json =
        new JsonFactory().createGenerator(partial.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      write(result, json);
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void write(GradeResult result, JsonGenerator json) throws IOException {
    boolean allVisible =
        result.tests().stream().allMatch(t -> t.visibility() == Visibility.Level.VISIBLE);
    json.writeStartObject();
    json.writeNumberField("score", result.score());
    json.writeNumberField("max_score", result.maxScore());
    json.writeNumberField("execution_time", Math.round(result.elapsedMs() / 100.0) / 10.0);
    json.writeStringField("output", summary(result, allVisible));
    json.writeStringField("visibility", "visible");
    json.writeStringField("stdout_visibility", allVisible ? "visible" : "hidden");
    json.writeArrayFieldStart("tests");
    for (GradeResult.ExerciseResult exercise : result.exercises()) {
      List<TestOutcome> tests = exercise.tests();
      for (int i = 0; i < tests.size(); i++) {
        TestOutcome test = tests.get(i);
        json.writeStartObject();
        json.writeStringField("name", test.fullName());
        json.writeStringField("number", exercise.exercise().number() + "." + (i + 1));
        json.writeNumberField("score", test.score());
        json.writeNumberField("max_score", test.points());
        json.writeStringField("status", test.passed() ? "passed" : "failed");
        json.writeStringField("output", output(test));
        json.writeStringField("visibility", test.visibility().gradescopeName());
        json.writeArrayFieldStart("tags");
        json.writeString(test.exercise());
        json.writeString(test.status().label());
        json.writeEndArray();
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static String output(TestOutcome test) {
    if (test.passed()) {
      return "passed in " + test.durationMs() + " ms";
    }
    String head = test.status().label() + ": " + test.reason();
    if (test.details().isEmpty()) {
      return head;
    }
    return test.details().startsWith(test.reason())
        ? test.status().label() + ": " + test.details()
        : head + "\n\n" + test.details();
  }

  /** Per exercise, the score of the tests a learner may see now; the notes on the submission. */
  private static String summary(GradeResult result, boolean allVisible) {
    StringBuilder text = new StringBuilder();
    for (String note : result.notes()) {
      text.append(note).append('\n');
    }
    if (!result.notes().isEmpty()) {
      text.append('\n');
    }
    for (GradeResult.ExerciseResult exercise : result.exercises()) {
      int score = 0;
      int max = 0;
      for (TestOutcome test : exercise.tests()) {
        if (test.visibility() == Visibility.Level.VISIBLE) {
          score += test.score();
          max += test.points();
        }
      }
      text.append(exercise.exercise().title()).append(": ").append(score).append('/').append(max);
      text.append(allVisible ? "\n" : " (visible tests)\n");
      if (!exercise.compiled()) {
        text.append(exercise.compileReport()).append('\n');
      }
    }
    return text.toString().stripTrailing();
  }
}
