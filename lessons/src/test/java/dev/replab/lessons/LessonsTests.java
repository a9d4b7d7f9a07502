package dev.replab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LessonsTests {
  @Test
  void loadsByFullIdNumberOrName() {
    assertEquals("01-why-replicate", Lessons.load("01-why-replicate").id());
    assertEquals("03-sync-async", Lessons.load("03").id());
    assertEquals("03-sync-async", Lessons.load("3").id());
    assertEquals("02-leader-follower", Lessons.load("leader-follower").id());
  }

  @Test
  void allReturnsTheLessonsInCourseOrder() {
    List<String> ids = Lessons.all().stream().map(Lesson::id).toList();
    assertEquals(
        List.of("01-why-replicate", "02-leader-follower", "03-sync-async"), ids.subList(0, 3));
    assertEquals(Lessons.ids(), ids);
  }

  @Test
  void unknownLessonNamesTheLessonsThereAre() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Lessons.load("99"));
    assertTrue(
        e.getMessage()
            .startsWith("no lesson '99'; the lessons are 01-why-replicate, 02-leader-follower"),
        e.getMessage());
  }

  @Test
  void sourceIsTheShippedYaml() {
    assertTrue(Lessons.source("01").startsWith("id: 01-why-replicate\n"));
  }

  @Test
  void numberIsThePrefixOfTheId() {
    assertEquals("02", Lessons.load("02").number());
  }
}
