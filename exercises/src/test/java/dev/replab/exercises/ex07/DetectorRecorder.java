package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.Scenario;

/**
 * Passes every call to one of the learner's detectors and remembers the first answer that differs
 * from what the heartbeats say: the likeliest place where a scenario started to go wrong.
 */
final class DetectorRecorder implements FailureDetector {
  private final FailureDetector learner;
  private final Scenario scenario;
  private final long detectUs;
  private final long startUs;
  private final String[] firstDisagreement;
  private long lastHeardUs;

  /**
   * @param firstDisagreement a cell shared by every detector of the scenario
   */
  DetectorRecorder(long detectUs, long startUs, Scenario scenario, String[] firstDisagreement) {
    this.scenario = scenario;
    this.detectUs = detectUs;
    this.startUs = startUs;
    this.lastHeardUs = startUs;
    this.firstDisagreement = firstDisagreement;
    this.learner = scenario.learnerCall(() -> new HeartbeatDetector(detectUs, startUs));
  }

  @Override
  public void heartbeat(long atUs) {
    scenario.learnerRun(() -> learner.heartbeat(atUs));
    lastHeardUs = Math.max(lastHeardUs, atUs);
  }

  @Override
  public boolean suspects(long nowUs) {
    boolean answer = scenario.learnerCall(() -> learner.suspects(nowUs));
    boolean expected = nowUs - lastHeardUs > detectUs;
    if (firstDisagreement[0] == null && answer != expected) {
      firstDisagreement[0] =
          "the detector built at t="
              + Durations.format(startUs)
              + " with detect="
              + Durations.format(detectUs)
              + " last heard from the leader at t="
              + Durations.format(lastHeardUs)
              + "; at t="
              + Durations.format(nowUs)
              + " ("
              + Durations.format(nowUs - lastHeardUs)
              + " of silence) your suspects said "
              + answer
              + ", it should be "
              + expected;
    }
    return answer;
  }
}
