package dev.replab.exercises.grader;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes Gradescope's {@code results.json}: the score, and per test its name, score, maximum,
 * status, output and visibility.
 *
 * @see <a href="https://gradescope-autograders.readthedocs.io/en/latest/specs/">the Gradescope
 *     autograder specification</a>
 */
final class GradescopeReport {
  private GradescopeReport() {}

  static void write(GradeResult result, Path file) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("score", result.score());
      json.writeNumberField("max_score", result.maxScore());
      json.writeNumberField("execution_time", Math.round(result.elapsedMs() / 1000.0 * 10) / 10.0);
      json.writeStringField("output", summary(result));
      json.writeStringField("visibility", "visible");
      json.writeStringField("stdout_visibility", "visible");
      json.writeArrayFieldStart("tests");
      for (TestOutcome test : result.tests()) {
        json.writeStartObject();
        json.writeStringField("name", test.fullName());
        json.writeNumberField("score", test.score());
        json.writeNumberField("max_score", test.points());
        json.writeStringField("status", test.passed() ? "passed" : "failed");
        json.writeStringField("output", output(test));
        json.writeStringField("visibility", "visible");
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
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

  private static String summary(GradeResult result) {
    StringBuilder text = new StringBuilder();
    for (GradeResult.ExerciseResult exercise : result.exercises()) {
      text.append(exercise.exercise().title())
          .append(": ")
          .append(exercise.score())
          .append('/')
          .append(exercise.maxScore())
          .append('\n');
      if (!exercise.compiled()) {
        text.append(exercise.compileReport()).append('\n');
      }
    }
    return text.toString().stripTrailing();
  }
}
