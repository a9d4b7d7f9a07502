package dev.replab.exercises.ex08;

import static dev.replab.exercises.ex08.VoteCases.candidate;

import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 8: one voter's answer to one candidate, case by case. */
class VoteDecisionTests {

  @Test
  @Points(4)
  void aLaterLastEpochWinsWhateverTheOffsets() {
    VoteCases.check(
        new UpToDateLogRule(),
        candidate(4, 2, 3, 7)
            .expect(
                true,
                "the candidate's last entry comes from epoch 4, a later leader than any in the voter's log"),
        candidate(2, 9, 3, 1)
            .expect(
                false,
                "the candidate's log is longer, but it ends in epoch 2: it lacks what the leader of epoch 3 wrote"),
        candidate(3, 1, 2, 9)
            .expect(true, "an entry of epoch 3 outranks any number of entries of epoch 2"));
  }

  @Test
  @Points(3)
  void withinAnEpochTheLongerLogWins() {
    VoteCases.check(
        new UpToDateLogRule(),
        candidate(3, 6, 3, 7)
            .expect(false, "same epoch, and the voter has offset 7, which the candidate lacks"),
        candidate(3, 8, 3, 7)
            .expect(true, "same epoch, and the candidate has everything the voter has, and more"));
  }

  @Test
  @Points(3)
  void aLogAsUpToDateAsTheVotersGetsTheVote() {
    VoteCases.check(
        new UpToDateLogRule(),
        candidate(3, 7, 3, 7)
            .expect(
                true,
                "identical logs: refusing would leave two equal followers unable to elect either"),
        candidate(0, 0, 0, 0).expect(true, "two empty logs, before anything was written"));
  }
}
