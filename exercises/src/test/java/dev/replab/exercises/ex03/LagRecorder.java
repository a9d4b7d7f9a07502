package dev.replab.exercises.ex03;

import dev.replab.engine.api.LagMonitor;
import dev.replab.engine.api.StandardLagMonitor;
import dev.replab.exercises.Scenario;

/**
 * Passes every question to the learner's monitor and remembers the first reading that differs from
 * the engine's own monitor: the likeliest place where a scenario started to go wrong.
 */
final class LagRecorder implements LagMonitor {
  private final LagMonitor learner;
  private final LagMonitor reference = new StandardLagMonitor();
  private final Scenario scenario;
  private String firstDisagreement;

  LagRecorder(LagMonitor learner, Scenario scenario) {
    this.learner = learner;
    this.scenario = scenario;
  }

  @Override
  public Reading measure(Inputs inputs) {
    Reading reading = scenario.learnerCall(() -> learner.measure(inputs));
    Reading expected = reference.measure(inputs);
    if (firstDisagreement == null && !expected.equals(reading)) {
      firstDisagreement =
          LagCases.describe(inputs)
              + ": your measure said "
              + LagCases.show(reading)
              + ", it should be "
              + LagCases.show(expected);
    }
    return reading;
  }

  /** The first questionable reading, or null when every reading was the expected one. */
  String firstDisagreement() {
    return firstDisagreement;
  }
}
