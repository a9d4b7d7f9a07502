package dev.replab.repl.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Session;
import dev.replab.lessons.Cell;
import dev.replab.lessons.JavaCells;
import dev.replab.lessons.Lesson;
import dev.replab.lessons.Lessons;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookPlayerTests {
  @TempDir Path home;

  private NotebookPlayer player() {
    return new NotebookPlayer(Progress.load(home.resolve("progress")), JavaCells.NONE);
  }

  @Test
  void openingALessonStartsAFreshSessionAtItsSeed() {
    NotebookPlayer.Step step = player().open("02");
    assertNotNull(step.session());
    assertEquals(Lessons.load("02").seed(), step.session().seed());
    assertTrue(step.text().startsWith("Lesson 02: "), step.text());
    assertTrue(step.text().contains("-- cell 1 of "), step.text());
  }

  @Test
  void runningEveryRunCellInOrderHoldsEveryExpectation() {
    NotebookPlayer player = player();
    Lesson lesson = Lessons.load("02");
    Session session = player.open("02").session();
    int held = 0;
    for (int i = 0; i < lesson.cells().size(); i++) {
      if (i > 0) {
        player.next();
      }
      if (lesson.cells().get(i) instanceof Cell.Run) {
        String text = player.run(session).text();
        assertTrue(text.endsWith("all expectations held; :next moves on"), text);
        held++;
      }
    }
    assertTrue(held > 0);
    assertTrue(
        player.list().text().contains(held + "/" + held + " runs held"), player.list().text());
  }

  @Test
  void aCellRunOnAClusterInTheWrongStateSaysItsExpectationsDidNotHold() {
    NotebookPlayer player = player();
    Lesson lesson = Lessons.load("02");
    player.open("02");
    int runCells = 0;
    int index = 0;
    while (runCells < 2) {
      if (lesson.cells().get(index) instanceof Cell.Run) {
        runCells++;
      }
      if (runCells < 2) {
        player.next();
        index++;
      }
    }
    String text = player.run(new Session(99)).text();
    assertTrue(
        text.endsWith(
            "some expectations did not hold: the cluster is not where the lesson expects (try :reset)"),
        text);
  }

  @Test
  void progressSurvivesANewPlayer() {
    NotebookPlayer first = player();
    first.open("01");
    first.next();
    first.next();
    String listing = player().list().text();
    assertTrue(listing.contains(" 3/"), listing);
  }

  @Test
  void movingAndResettingStayWithinTheLesson() {
    NotebookPlayer player = player();
    assertTrue(player.next().text().startsWith("no lesson is open"));
    player.open("01");
    assertEquals("this is the first cell", player.prev().text());
    player.next();
    assertTrue(player.position().startsWith("01 2/"), player.position());
    NotebookPlayer.Step reset = player.reset();
    assertNotNull(reset.session());
    assertTrue(player.position().startsWith("01 1/"), player.position());
    assertNull(player.next().session());
  }

  @Test
  void anUnknownLessonIsASentenceNotAnError() {
    NotebookPlayer.Step step = player().open("99");
    assertNull(step.session());
    assertTrue(step.text().startsWith("no lesson '99'"), step.text());
  }
}
