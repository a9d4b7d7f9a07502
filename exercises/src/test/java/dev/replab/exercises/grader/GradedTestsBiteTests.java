package dev.replab.exercises.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proof that the graded tests bite: run against the stubs on this module's class path, every one of
 * them fails, and fails because the stub is not written yet, not for some accident of set-up. (The
 * solutions module proves the other half: against the reference solutions every one passes.)
 */
class GradedTestsBiteTests {

  @TestFactory
  Stream<DynamicTest> everyGradedTestFailsAgainstTheStubs() {
    return Stubs.exerciseIds().stream()
        .map(
            id ->
                DynamicTest.dynamicTest(
                    id,
                    () -> {
                      // A learner's code runs here, in the build's JVM, only while it is still the
                      // stub.
                      assumeTrue(
                          Stubs.shipped(id),
                          () ->
                              id
                                  + "'s stub has been worked on; this check runs on the stub as shipped");
                      Map<String, InProcessRun.Result> results =
                          InProcessRun.graded("dev.replab.exercises." + id);
                      assertFalse(results.isEmpty(), () -> id + " has no graded tests");
                      String prefix = "Exercise " + Integer.parseInt(id.substring(2)) + ":";
                      for (InProcessRun.Result result : results.values()) {
                        assertFalse(
                            result.passed(),
                            () ->
                                result.name()
                                    + " passed against the stub: it does not test the learner's code");
                        assertTrue(
                            causedByStub(result.failure(), prefix),
                            () ->
                                result.name()
                                    + " failed, but not because the stub of "
                                    + id
                                    + " threw: "
                                    + result.failure());
                      }
                    }));
  }

  @Test
  void everyExerciseHasGradedTestsAndEveryGradedTestHasPoints() {
    Map<String, Integer> points = InProcessRun.listed("dev.replab.exercises");
    assertTrue(
        points.size() >= 5 * Stubs.exerciseIds().size(),
        () -> "expected the graded tests of every exercise, found " + points.keySet());
    TreeSet<String> exercisesWithTests = new TreeSet<>();
    points.forEach(
        (test, value) -> {
          assertTrue(value > 0, () -> test + " has no @Points");
          exercisesWithTests.add(test.split("\\.")[3]);
        });
    assertEquals(
        Stubs.exerciseIds(), new ArrayList<>(exercisesWithTests), "exercises with graded tests");
  }

  @Test
  void everyExerciseHasATaskWhoseTitleNamesIt() throws IOException {
    for (String id : Stubs.exerciseIds()) {
      try (Stream<Path> dirs = Files.list(Path.of("."))) {
        Path task =
            dirs.filter(d -> d.getFileName().toString().startsWith(id + "-"))
                .findFirst()
                .map(d -> d.resolve("README.adoc"))
                .orElse(null);
        assertTrue(
            task != null && Files.isRegularFile(task),
            () -> "exercise " + id + " has no task folder " + id + "-*/README.adoc");
        assertTrue(
            Files.readString(task)
                .startsWith("= Exercise " + Integer.parseInt(id.substring(2)) + ": "),
            () -> task + " should start with its title, '= Exercise N: ...'");
      }
    }
  }

  /**
   * True when an UnsupportedOperationException whose message starts with {@code prefix} is in the
   * chain.
   */
  static boolean causedByStub(Throwable failure, String prefix) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnsupportedOperationException
          && t.getMessage() != null
          && t.getMessage().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
