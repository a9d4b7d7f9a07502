package dev.replab.exercises.ex07;

import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 7: the detector's answers, heartbeat by heartbeat. */
class DetectorDecisionTests {

  @Test
  @Points(3)
  void suspectsOnlyAfterMoreThanTheTimeoutOfSilence() {
    DetectorSteps.check(
        "500ms",
        "0us",
        "silence since watching began counts, and only more than 500 ms of it is suspicious",
        "calm 400ms",
        "calm 500ms",
        "suspect 501ms",
        "suspect 3s");
    DetectorSteps.check(
        "500ms",
        "10s",
        "a detector built at 10 s gives the leader until 10.5 s",
        "calm 10.4s",
        "calm 10.5s",
        "suspect 10.6s");
  }

  @Test
  @Points(3)
  void aHeartbeatRestartsTheTimeoutAndEndsSuspicion() {
    DetectorSteps.check(
        "500ms",
        "0us",
        "each heartbeat gives the leader another 500 ms",
        "heartbeat 300ms",
        "calm 700ms",
        "calm 800ms",
        "suspect 801ms",
        "suspect 2s",
        "heartbeat 2s",
        "calm 2.4s",
        "suspect 2.6s");
  }

  @Test
  @Points(2)
  void aHeartbeatReportedLateDoesNotTurnBackTheClock() {
    DetectorSteps.check(
        "500ms",
        "0us",
        "the leader was heard from at 600 ms; a heartbeat from 400 ms reported afterwards changes nothing",
        "heartbeat 600ms",
        "heartbeat 400ms",
        "calm 1s",
        "calm 1.1s",
        "suspect 1.2s");
  }

  @Test
  @Points(2)
  void usesTheTimeoutItWasGiven() {
    DetectorSteps.check(
        "2s",
        "0us",
        "with detect=2s, 1.9 s of silence is not suspicious yet and 2.1 s is",
        "calm 1.9s",
        "suspect 2.1s");
    DetectorSteps.check(
        "100ms",
        "5s",
        "with detect=100ms, 50 ms of silence is fine and 150 ms is suspicious",
        "calm 5.05s",
        "suspect 5.15s");
  }
}
