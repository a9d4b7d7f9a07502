package dev.replab.exercises.ex01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replab.engine.api.StreamDecision;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** An instructor's hidden test, compiled by the grader from source against the learner's code. */
class HiddenStreamTests {
  @Test
  @Points(1)
  void appendsAfterALongLog() {
    assertEquals(new StreamDecision.Append(1_000_001), new FollowerStream().decide(1_000_000, 1_000_000, 1));
  }

  @Test
  @Points(1)
  void ignoresAnOldBatch() {
    assertEquals(new StreamDecision.Ignore(), new FollowerStream().decide(1_000, 4, 3));
  }
}
