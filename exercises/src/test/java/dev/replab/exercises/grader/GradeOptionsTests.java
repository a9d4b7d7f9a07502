package dev.replab.exercises.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeOptionsTests {
  @Test
  void readsExercisesAndOptions() throws Exception {
    GradeOptions options =
        GradeOptions.parse(
            "ex01",
            "2",
            "--timeout",
            "500ms",
            "--xmx",
            "128m",
            "--out",
            "somewhere",
            "--jobs",
            "1",
            "--verbose");

    assertEquals(List.of("ex01", "2"), options.exercises());
    assertEquals(500, options.testTimeoutMs());
    assertEquals("128m", options.maxHeap());
    assertEquals(Path.of("somewhere"), options.outDir());
    assertEquals(1, options.jobs());
    assertTrue(options.verbose());
  }

  @Test
  void defaultsFindTheExercisesFolderAndGradeIntoItsTarget() throws Exception {
    // The tests run inside exercises/, where the sources are src/main/java.
    GradeOptions options = GradeOptions.parse();

    assertEquals(Path.of("."), options.exercisesDir());
    assertEquals(Path.of(".", "src/main/java"), options.sourceRoot());
    assertEquals(Path.of(".", "target/grading"), options.outDir());
    assertEquals(GradeOptions.DEFAULT_TEST_TIMEOUT_MS, options.testTimeoutMs());
    assertTrue(
        options.classpath().stream().allMatch(Path::isAbsolute),
        "class path entries are absolute, for the compiler and the plug-in JVMs");
  }

  @Test
  void helpIsNotAnError() throws Exception {
    assertNull(GradeOptions.parse("ex01", "--help"));
  }

  @Test
  void badOptionsSaySentencesThatNameTheProblem() {
    assertEquals(
        "unknown option '--fast'; the options are --src, --exercises, --out, --hidden, --submission, --timeout, --xmx, --jobs, --summary, --run-as, --verbose and --help",
        assertThrows(GradeOptions.UsageError.class, () -> GradeOptions.parse("--fast"))
            .getMessage());
    assertEquals(
        "--timeout: '10' is not a duration; write a number and a unit, like 500us, 20ms, 2s or 1m",
        assertThrows(GradeOptions.UsageError.class, () -> GradeOptions.parse("--timeout", "10"))
            .getMessage());
    assertEquals(
        "--xmx lots is not a heap size; write a number and k, m or g, like 256m",
        assertThrows(GradeOptions.UsageError.class, () -> GradeOptions.parse("--xmx", "lots"))
            .getMessage());
    assertEquals(
        "--out needs a value; see --help",
        assertThrows(GradeOptions.UsageError.class, () -> GradeOptions.parse("--out"))
            .getMessage());
    assertEquals(
        "--src nowhere: no such folder",
        assertThrows(GradeOptions.UsageError.class, () -> GradeOptions.parse("--src", "nowhere"))
            .getMessage());
  }

  @Test
  void anExerciseIsNamedByIdNumberOrSlug() {
    Exercise exercise = new Exercise("ex01", "stream-applier", "Exercise 1: x", Path.of("."));

    for (String word :
        List.of("ex01", "ex1", "1", "01", "stream-applier", "ex01-stream-applier", "EX01")) {
      assertTrue(exercise.isNamedBy(word), word);
    }
    for (String word : List.of("ex02", "2", "ex", "stream", "99999999999", "")) {
      assertTrue(!exercise.isNamedBy(word), word);
    }
  }
}
