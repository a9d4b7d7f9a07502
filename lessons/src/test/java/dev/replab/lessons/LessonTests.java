package dev.replab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped lesson is a test: it runs from its seed and all its expectations must hold. */
class LessonTests {
  @TestFactory
  Stream<DynamicTest> everyLessonPassesItsExpectations() {
    return Lessons.ids().stream()
        .map(
            id ->
                dynamicTest(
                    id + " passes its expectations",
                    () -> {
                      Lesson lesson = Lessons.load(id);
                      LessonReport report = runWithJava(lesson);
                      String failures =
                          report.failures().stream()
                              .map(LessonReport.Verdict::toString)
                              .collect(Collectors.joining("\n"));
                      assertTrue(
                          report.passed(),
                          () ->
                              "lesson "
                                  + id
                                  + " (seed "
                                  + lesson.seed()
                                  + ") failed:\n"
                                  + failures);
                      long checked =
                          report.cells().stream().mapToLong(cell -> cell.verdicts().size()).sum();
                      assertTrue(
                          checked >= 10,
                          () -> "lesson " + id + " checks only " + checked + " expectations");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyLessonReplaysIdentically() {
    return Lessons.ids().stream()
        .map(
            id ->
                dynamicTest(
                    id + " replays identically",
                    () -> {
                      Lesson lesson = Lessons.load(id);
                      String firstRun = LessonText.render(runWithJava(lesson));
                      String secondRun = LessonText.render(runWithJava(lesson));
                      assertEquals(
                          firstRun,
                          secondRun,
                          () ->
                              "lesson "
                                  + id
                                  + " (seed "
                                  + lesson.seed()
                                  + ") printed differently on a second run");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyLessonHasEveryKindOfTeachingCell() {
    return Lessons.ids().stream()
        .map(
            id ->
                dynamicTest(
                    id + " has prose, run, try and quiz cells",
                    () -> {
                      List<Cell> cells = Lessons.load(id).cells();
                      assertTrue(
                          cells.stream().anyMatch(Cell.Prose.class::isInstance), "no prose cell");
                      assertTrue(
                          cells.stream()
                              .anyMatch(c -> c instanceof Cell.Run run && !run.expect().isEmpty()),
                          "no run cell with expectations");
                      assertTrue(
                          cells.stream().anyMatch(Cell.Try.class::isInstance), "no try cell");
                      assertTrue(
                          cells.stream().anyMatch(Cell.Quiz.class::isInstance), "no quiz cell");
                    }));
  }

  @Test
  void indexListsEveryLessonFileInOrder() throws IOException {
    List<String> files;
    try (Stream<Path> listing = Files.list(Path.of("src/main/resources/lessons"))) {
      files =
          listing
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".yaml"))
              .map(name -> name.substring(0, name.length() - ".yaml".length()))
              .sorted()
              .toList();
    }
    assertFalse(files.isEmpty());
    assertEquals(files, Lessons.ids());
  }

  /** Runs a lesson with its Java cells evaluated in JShell, as the REPL and the book run them. */
  private static LessonReport runWithJava(Lesson lesson) {
    try (dev.replab.lessons.java.JavaConsole java = new dev.replab.lessons.java.JavaConsole()) {
      return LessonRunner.run(lesson, java);
    }
  }
}
