package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;
import dev.replab.exercises.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes every call to the learner's session and remembers the first {@code minimumOffset()} that
 * differs from the furthest state the session has read: the likeliest place where a scenario
 * started to go wrong. One recorder per session, shared clue for the scenario.
 */
final class SessionRecorder implements SessionGuarantee {
  private final SessionGuarantee learner;
  private final Scenario scenario;
  private final String[] firstDisagreement;
  private final List<String> story = new ArrayList<>();
  private long furthest;

  /**
   * @param firstDisagreement a cell shared by every session of the scenario
   */
  SessionRecorder(SessionGuarantee learner, Scenario scenario, String[] firstDisagreement) {
    this.learner = learner;
    this.scenario = scenario;
    this.firstDisagreement = firstDisagreement;
  }

  @Override
  public void wrote(long offset) {
    scenario.learnerRun(() -> learner.wrote(offset));
    note("wrote(" + offset + ")");
  }

  @Override
  public void read(long appliedOffset) {
    scenario.learnerRun(() -> learner.read(appliedOffset));
    furthest = Math.max(furthest, appliedOffset);
    note("read(" + appliedOffset + ")");
  }

  @Override
  public long minimumOffset() {
    long answer = scenario.learnerCall(learner::minimumOffset);
    if (firstDisagreement[0] == null && answer != furthest) {
      firstDisagreement[0] =
          "a session told "
              + String.join(", ", story)
              + " answered minimumOffset() = "
              + answer
              + "; the furthest state it had read was offset "
              + furthest;
    }
    return answer;
  }

  private void note(String call) {
    story.add(call);
    if (story.size() > 8) {
      story.remove(0);
      story.set(0, "...");
    }
  }
}
