package dev.replab.exercises.ex08;

import dev.replab.engine.api.LogPosition;
import dev.replab.engine.api.UpToDateVoteRule;
import dev.replab.engine.api.VoteRule;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.Scenario;
import java.util.function.LongSupplier;

/**
 * Passes every request for a vote to the learner's rule and remembers the first answer that differs
 * from the engine's own rule: the likeliest place where a scenario started to go wrong.
 */
final class VoteRecorder implements VoteRule {
  private final VoteRule learner;
  private final VoteRule reference = new UpToDateVoteRule();
  private final Scenario scenario;
  private final LongSupplier nowUs;
  private String firstDisagreement;

  VoteRecorder(VoteRule learner, Scenario scenario, LongSupplier nowUs) {
    this.learner = learner;
    this.scenario = scenario;
    this.nowUs = nowUs;
  }

  @Override
  public boolean grants(LogPosition candidate, LogPosition voter) {
    boolean answer = scenario.learnerCall(() -> learner.grants(candidate, voter));
    boolean expected = reference.grants(candidate, voter);
    if (firstDisagreement == null && answer != expected) {
      firstDisagreement =
          "at t="
              + Durations.format(nowUs.getAsLong())
              + " a candidate whose log ends at "
              + candidate
              + " asked a voter whose log ends at "
              + voter
              + ": your grants said "
              + VoteCases.word(answer)
              + ", it should be "
              + VoteCases.word(expected);
    }
    return answer;
  }

  /** The first questionable answer, or null when every answer was the expected one. */
  String firstDisagreement() {
    return firstDisagreement;
  }
}
