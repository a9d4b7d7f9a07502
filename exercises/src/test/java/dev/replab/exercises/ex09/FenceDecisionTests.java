package dev.replab.exercises.ex09;

import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 9: the guard's answers, token by token. */
class FenceDecisionTests {

  @Test
  @Points(3)
  void admitsTheNewestEpochAgainAndAgain() {
    FenceSteps.check(
        "every write of the current leader carries the same epoch, and each must pass",
        "newest 0",
        "admit 1 yes",
        "admit 1 yes",
        "newest 1",
        "admit 2 yes",
        "admit 2 yes",
        "admit 2 yes",
        "newest 2");
  }

  @Test
  @Points(4)
  void refusesAnOlderEpoch() {
    FenceSteps.check(
        "once epoch 3 has written, leaders of epochs 1 and 2 have been replaced",
        "admit 3 yes",
        "admit 2 no",
        "admit 1 no",
        "admit 3 yes",
        "newest 3");
  }

  @Test
  @Points(3)
  void aRefusalLeavesTheBarWhereItWas() {
    FenceSteps.check(
        "a refused token changes nothing; epochs may be skipped, as when an election is lost",
        "admit 5 yes",
        "admit 4 no",
        "newest 5",
        "admit 4 no",
        "admit 7 yes",
        "admit 6 no",
        "newest 7",
        "admit 5 no");
  }
}
