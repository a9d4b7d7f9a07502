package dev.replab.exercises.ex01;

import static dev.replab.exercises.ex01.BatchCases.append;
import static dev.replab.exercises.ex01.BatchCases.batch;
import static dev.replab.exercises.ex01.BatchCases.ignore;
import static dev.replab.exercises.ex01.BatchCases.resend;

import dev.replab.engine.api.StreamApplier;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 1: what a follower decides for one batch of the stream, case by case. */
class StreamDecisionTests {

  /**
   * Created inside each test, so that a class that does not compile fails the test, not the
   * listing.
   */
  private static StreamApplier learner() {
    return new FollowerStream();
  }

  @Test
  @Points(2)
  void appendsTheNextBatch() {
    BatchCases.check(
        learner(),
        batch(0, 0, 1).expect(append(1), "an empty log takes the stream's first entry"),
        batch(5, 5, 3).expect(append(6), "the batch starts right after the log's last entry"),
        batch(41, 41, 1).expect(append(42), "the batch starts right after the log's last entry"));
  }

  @Test
  @Points(3)
  void ignoresABatchItAlreadyHas() {
    BatchCases.check(
        learner(),
        batch(10, 4, 3)
            .expect(ignore(), "offsets 5..7 are all in the log already: a retransmission"),
        batch(10, 7, 3).expect(ignore(), "the batch ends exactly at the log's end: nothing is new"),
        batch(10, 0, 10).expect(ignore(), "the whole log sent again"),
        batch(1, 0, 1).expect(ignore(), "the first entry, again"));
  }

  @Test
  @Points(3)
  void appendsOnlyTheNewPartOfAnOverlappingBatch() {
    BatchCases.check(
        learner(),
        batch(10, 8, 5).expect(append(11), "offsets 9 and 10 are here already; 11..13 are new"),
        batch(10, 0, 11).expect(append(11), "only the batch's last entry is new"),
        batch(3, 2, 2).expect(append(4), "offset 3 is here already; 4 is new"));
  }

  @Test
  @Points(3)
  void asksAgainFromTheFirstMissingOffsetAfterAGap() {
    BatchCases.check(
        learner(),
        batch(5, 7, 2)
            .expect(resend(6), "offsets 6 and 7 never arrived; appending 8 would leave a hole"),
        batch(5, 6, 1).expect(resend(6), "offset 6 never arrived: a gap of one entry"),
        batch(0, 3, 2).expect(resend(1), "an empty log is missing everything from offset 1"));
  }

  @Test
  @Points(2)
  void ignoresAHeartbeatWhenCaughtUp() {
    BatchCases.check(
        learner(),
        batch(7, 7, 0)
            .expect(ignore(), "a heartbeat that says the leader's log ends where this one does"),
        batch(7, 5, 0).expect(ignore(), "a late heartbeat from before the last batch"),
        batch(0, 0, 0).expect(ignore(), "a heartbeat to an empty follower of an empty leader"));
  }

  @Test
  @Points(2)
  void asksAgainWhenAHeartbeatRevealsMissingEntries() {
    BatchCases.check(
        learner(),
        batch(7, 9, 0)
            .expect(resend(8), "the leader's log goes on to 9: the batch with 8 and 9 was lost"),
        batch(0, 1, 0).expect(resend(1), "the only entry so far was lost"));
  }
}
