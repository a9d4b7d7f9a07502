package dev.replab.exercises.ex09;

import dev.replab.engine.api.FencingGuard;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.Scenario;
import java.util.function.LongSupplier;

/**
 * Passes every call to the learner's guard and remembers the first answer that differs from the
 * newest epoch admitted so far: the likeliest place where a scenario started to go wrong.
 */
final class FenceRecorder implements FencingGuard {
  private final FencingGuard learner;
  private final Scenario scenario;
  private final LongSupplier nowUs;
  private int newest;
  private String firstDisagreement;

  FenceRecorder(FencingGuard learner, Scenario scenario, LongSupplier nowUs) {
    this.learner = learner;
    this.scenario = scenario;
    this.nowUs = nowUs;
  }

  @Override
  public boolean admit(int epoch) {
    boolean answer = scenario.learnerCall(() -> learner.admit(epoch));
    boolean expected = epoch >= newest;
    if (firstDisagreement == null && answer != expected) {
      firstDisagreement =
          "at t="
              + Durations.format(nowUs.getAsLong())
              + " storage had admitted epochs up to "
              + newest
              + "; your admit("
              + epoch
              + ") said "
              + answer
              + ", it should be "
              + expected;
    }
    if (expected) {
      newest = epoch;
    }
    return answer;
  }

  @Override
  public int newestEpoch() {
    int answer = scenario.learnerCall(learner::newestEpoch);
    if (firstDisagreement == null && answer != newest) {
      firstDisagreement =
          "at t="
              + Durations.format(nowUs.getAsLong())
              + " your newestEpoch() said "
              + answer
              + ", but storage had admitted epoch "
              + newest;
    }
    return answer;
  }

  /** The first questionable answer, or null when every answer was the expected one. */
  String firstDisagreement() {
    return firstDisagreement;
  }
}
