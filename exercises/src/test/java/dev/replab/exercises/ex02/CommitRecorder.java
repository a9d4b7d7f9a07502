package dev.replab.exercises.ex02;

import dev.replab.engine.api.CommitRule;
import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.api.StandardCommitRule;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.Scenario;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Passes every question to the learner's commit rule and remembers the first answer that differs
 * from the engine's own rule: the likeliest place where a scenario started to go wrong.
 */
final class CommitRecorder implements CommitRule {
  private final CommitRule learner;
  private final CommitRule reference = new StandardCommitRule();
  private final LongSupplier nowUs;
  private final Scenario scenario;
  private String firstDisagreement;

  CommitRecorder(CommitRule learner, LongSupplier nowUs, Scenario scenario) {
    this.learner = learner;
    this.nowUs = nowUs;
    this.scenario = scenario;
  }

  @Override
  public boolean isCommitted(long offset, QuorumPolicy policy, List<FollowerProgress> followers) {
    boolean answer = scenario.learnerCall(() -> learner.isCommitted(offset, policy, followers));
    boolean expected = reference.isCommitted(offset, policy, followers);
    if (firstDisagreement == null && answer != expected) {
      firstDisagreement =
          "at t="
              + Durations.format(nowUs.getAsLong())
              + " the leader asked about offset "
              + offset
              + " under setquorum "
              + policy.describe()
              + " with followers "
              + CommitCases.describe(followers)
              + " (received/applied): your isCommitted said "
              + CommitCases.word(answer)
              + ", it should be "
              + CommitCases.word(expected);
    }
    return answer;
  }

  /** The first questionable answer, or null when every answer was the expected one. */
  String firstDisagreement() {
    return firstDisagreement;
  }
}
