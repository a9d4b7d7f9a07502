package dev.replab.exercises.grader.plugin;

/**
 * The learner's code gave no answer: its JVM stopped (it exited, ran out of memory, or wrote
 * something other than an answer on the channel), it ran past the time limit, or the grader did not
 * run it. The grader scores the test in which this happened by {@link #timedOut()}, whatever the
 * test itself made of it.
 */
public final class LearnerCodeStopped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean timedOut;

  public LearnerCodeStopped(String reason, boolean timedOut) {
    super(reason, null, false, false);
    this.timedOut = timedOut;
  }

  /** True when the code ran past its time limit, false when its JVM stopped or it was not run. */
  public boolean timedOut() {
    return timedOut;
  }
}
