package dev.replab.exercises.ex01;

import dev.replab.engine.api.StandardStreamApplier;
import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.Scenario;
import java.util.function.LongSupplier;

/**
 * Passes every batch to the learner's applier and remembers the first decision that differs from
 * the engine's own rule: the likeliest place where a scenario started to go wrong.
 */
final class DecisionRecorder implements StreamApplier {
  private final StreamApplier learner;
  private final StreamApplier reference = new StandardStreamApplier();
  private final LongSupplier nowUs;
  private final Scenario scenario;
  private String firstDisagreement;

  DecisionRecorder(StreamApplier learner, LongSupplier nowUs, Scenario scenario) {
    this.learner = learner;
    this.nowUs = nowUs;
    this.scenario = scenario;
  }

  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    StreamDecision decision = scenario.learnerCall(() -> learner.decide(logEnd, prevOffset, count));
    StreamDecision expected = reference.decide(logEnd, prevOffset, count);
    if (firstDisagreement == null && !expected.equals(decision)) {
      firstDisagreement =
          "at t="
              + Durations.format(nowUs.getAsLong())
              + " a follower whose "
              + new BatchCases.Case(logEnd, prevOffset, count, expected, "").situation()
              + " got "
              + BatchCases.show(decision)
              + " from your decide; it needed "
              + BatchCases.show(expected);
    }
    return decision;
  }

  /** The first questionable decision, or null when every decision was the expected one. */
  String firstDisagreement() {
    return firstDisagreement;
  }
}
