package dev.replab.repl;

import static org.junit.jupiter.api.Assertions.fail;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.lessons.Cell;
import dev.replab.lessons.Lesson;
import dev.replab.lessons.Lessons;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden transcripts: every lesson's commands and a long mixed script, with the text a person sees
 * and the JSON object a program reads for each command, compared byte for byte with the files
 * checked in under {@code src/test/resources/golden/}. They pin down behaviour across refactors of
 * the engine: a change that alters any output shows up here as a diff. When a change means to alter
 * output, regenerate them with {@code ./mvnw -pl repl -am test -Dtest=GoldenTranscriptTests
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreplab.golden.update=true} and review the diff.
 */
class GoldenTranscriptTests {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final long MIXED_SEED = 7;

  @TestFactory
  Stream<DynamicTest> everyLessonReplaysItsGoldenTranscript() {
    return Lessons.all().stream()
        .map(
            lesson ->
                DynamicTest.dynamicTest(
                    "lesson " + lesson.id(),
                    () -> compare("lesson-" + lesson.id() + ".txt", lessonTranscript(lesson))));
  }

  @TestFactory
  Stream<DynamicTest> theMixedScriptReplaysItsGoldenTranscript() throws IOException {
    List<String> lines = Files.readAllLines(GOLDEN.resolve("mixed.replab"), StandardCharsets.UTF_8);
    return Stream.of(
        DynamicTest.dynamicTest(
            "mixed.replab", () -> compare("mixed.txt", transcript(MIXED_SEED, lines))));
  }

  private static String lessonTranscript(Lesson lesson) {
    List<String> lines = new ArrayList<>();
    for (Cell cell : lesson.cells()) {
      if (cell instanceof Cell.Run run) {
        lines.addAll(run.commands());
      }
    }
    return transcript(lesson.seed(), lines);
  }

  /** Runs the lines in a fresh session and writes down every command's text and JSON. */
  private static String transcript(long seed, List<String> lines) {
    Session session = new Session(seed);
    StringWriter json = new StringWriter();
    JsonPrinter printer = new JsonPrinter(new PrintWriter(json));
    StringBuilder out = new StringBuilder("seed ").append(seed).append('\n');
    for (String line : lines) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      for (Executed executed : session.execute(line)) {
        out.append("> ").append(executed.source()).append('\n');
        out.append(executed.text()).append('\n');
        out.append("json: ").append(printer.render(executed, new Input(line, 0, null)));
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void compare(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("replab.golden.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail(file + " is missing; run with -Dreplab.golden.update=true to write it");
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail(name + " differs from its golden transcript: " + firstDifference(expected, actual));
    }
  }

  private static String firstDifference(String expected, String actual) {
    String[] want = expected.split("\n", -1);
    String[] got = actual.split("\n", -1);
    for (int i = 0; i < Math.max(want.length, got.length); i++) {
      String a = i < want.length ? want[i] : "<end of file>";
      String b = i < got.length ? got[i] : "<end of output>";
      if (!a.equals(b)) {
        return "line " + (i + 1) + "\n  expected: " + a + "\n  actual:   " + b;
      }
    }
    return "they differ in line endings";
  }
}
