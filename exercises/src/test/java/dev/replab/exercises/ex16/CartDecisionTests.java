package dev.replab.exercises.ex16;

import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 16: adds, removes and merges, state by state. */
class CartDecisionTests {

  @Test
  @Points(3)
  void addsAndRemovesChangeTheCartTheyAreMadeOn() {
    CartSteps.check(
        "one datacenter on its own: a set like any other",
        "a = add empty eu milk",
        "b = add a eu eggs",
        "holds b eggs milk",
        "c = remove b milk",
        "holds c eggs",
        "d = remove c eggs",
        "holds d",
        "e = add d eu milk",
        "holds e milk",
        "holds empty");
  }

  @Test
  @Points(4)
  void anAddWinsOverAConcurrentRemove() {
    CartSteps.check(
        "eu and us both hold milk; us removes it while eu adds it again: the new add survives",
        "eu = add empty eu milk",
        "us = merge empty eu",
        "gone = remove us milk",
        "again = add eu eu milk",
        "m = merge again gone",
        "holds m milk",
        "n = merge gone again",
        "holds n milk");
  }

  @Test
  @Points(3)
  void aRemovedItemDoesNotComeBackFromAnOlderState() {
    CartSteps.check(
        "us removed eggs after seeing eu's add; eu's older state must not bring them back",
        "eu = add empty eu milk",
        "eu2 = add eu eu eggs",
        "us = merge empty eu2",
        "us2 = remove us eggs",
        "m = merge eu2 us2",
        "holds m milk",
        "n = merge us2 eu2",
        "holds n milk",
        "again = merge m m",
        "holds again milk");
  }
}
