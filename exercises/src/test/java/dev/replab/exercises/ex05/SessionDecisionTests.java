package dev.replab.exercises.ex05;

import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 5: what a session remembers, step by step. */
class SessionDecisionTests {

  @Test
  @Points(2)
  void aNewSessionMayReadFromAnyReplica() {
    SessionSteps.check(
        new MonotonicSession(), "a session that has seen nothing needs nothing", "expect 0");
  }

  @Test
  @Points(3)
  void remembersTheFurthestStateItHasRead() {
    SessionSteps.check(
        new MonotonicSession(),
        "the next replica must be at least as far as the last one that answered",
        "read 5",
        "expect 5",
        "read 9",
        "expect 9",
        "read 9",
        "expect 9");
  }

  @Test
  @Points(3)
  void neverLowersTheBar() {
    SessionSteps.check(
        new MonotonicSession(),
        "a later answer from a replica further behind does not undo what the session has seen",
        "read 9",
        "read 4",
        "expect 9",
        "read 0",
        "expect 9",
        "read 11",
        "read 10",
        "expect 11");
  }

  @Test
  @Points(2)
  void itsOwnWritesDoNotRaiseTheBar() {
    SessionSteps.check(
        new MonotonicSession(),
        "monotonic reads are about what the session has read, not what it wrote",
        "wrote 12",
        "expect 0",
        "read 3",
        "wrote 20",
        "expect 3");
  }
}
