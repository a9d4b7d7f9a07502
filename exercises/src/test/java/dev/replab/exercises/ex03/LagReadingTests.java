package dev.replab.exercises.ex03;

import static dev.replab.exercises.ex03.LagCases.at;

import dev.replab.engine.api.LagMonitor;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 3: one follower's lag at one moment, case by case. */
class LagReadingTests {

  /**
   * Created inside each test, so that a class that does not compile fails the test, not the
   * listing.
   */
  private static LagMonitor learner() {
    return new ReplicationLagMonitor();
  }

  @Test
  @Points(2)
  void countsTheEntriesTheFollowerHasNotApplied() {
    LagCases.check(
        learner(),
        at("10s", 12, 9, "9s", "9.5s")
            .expect(3, "500ms", "1s", "offsets 10, 11 and 12 are missing"),
        at("2s", 1, 0, "-", "1s").expect(1, "1s", "0us", "the only write so far is missing"),
        at("5s", 40, 40, "4.9s", "-")
            .expect(0, "0us", "100ms", "the follower has applied everything"),
        at("5s", 7, 9, "4s", "-")
            .expect(
                0,
                "0us",
                "1s",
                "a follower ahead of a new leader (entries it never had) is not behind"));
  }

  @Test
  @Points(3)
  void lagIsZeroWhenNothingIsMissingHoweverIdleTheLeader() {
    LagCases.check(
        learner(),
        at("60s", 1, 1, "2ms", "-")
            .expect(
                0,
                "0us",
                "59.998s",
                "idle for a minute, but nothing is missing: no lag, only replay age"),
        at("1h", 500, 500, "10s", "-")
            .expect(0, "0us", "3590s", "an hour without writes: still caught up"),
        at("3s", 0, 0, "-", "-")
            .expect(
                0,
                "0us",
                "0us",
                "an empty cluster: nothing written, nothing applied, nothing to measure"));
  }

  @Test
  @Points(3)
  void lagCountsFromTheOldestWriteTheFollowerIsMissing() {
    LagCases.check(
        learner(),
        at("60.1s", 2, 1, "2ms", "60s")
            .expect(
                1,
                "100ms",
                "60.098s",
                "idle for a minute, then a write 100 ms ago that has not arrived: lag is 100 ms, not a minute"),
        at("10s", 20, 15, "9.2s", "9.3s")
            .expect(
                5, "700ms", "800ms", "offset 16, written at 9.3 s, is the oldest missing write"),
        at("4s", 3, 0, "-", "1s")
            .expect(
                3,
                "3s",
                "0us",
                "a follower that has applied nothing has been missing the first write since 1 s"));
  }

  @Test
  @Points(2)
  void replayLagIsTheAgeOfTheLastAppliedWrite() {
    LagCases.check(
        learner(),
        at("10s", 12, 12, "9.75s", "-")
            .expect(0, "0us", "250ms", "the last applied write was made 250 ms ago"),
        at("10s", 12, 11, "9.75s", "9.9s")
            .expect(1, "100ms", "250ms", "replay age does not care what is missing"),
        at("2s", 5, 0, "-", "1.5s")
            .expect(5, "500ms", "0us", "nothing applied yet: no replay age to report"));
  }
}
