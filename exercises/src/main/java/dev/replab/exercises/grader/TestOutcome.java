package dev.replab.exercises.grader;

/**
 * How one graded test went.
 *
 * @param exercise the exercise's id, like {@code ex01}
 * @param className the test class's fully qualified name
 * @param testName the test method's name
 * @param points what the test is worth
 * @param status how it ended
 * @param reason one line for the score table, empty when it passed
 * @param details the full failure message, the relevant stack frames and what the test printed
 * @param durationMs how long it ran, in wall-clock milliseconds
 * @param visibility when a learner may see it on Gradescope
 */
public record TestOutcome(
    String exercise,
    String className,
    String testName,
    int points,
    Status status,
    String reason,
    String details,
    long durationMs,
    Visibility.Level visibility) {

  /** A test shipped with the exercises, which a learner always sees. */
  public TestOutcome(
      String exercise,
      String className,
      String testName,
      int points,
      Status status,
      String reason,
      String details,
      long durationMs) {
    this(
        exercise,
        className,
        testName,
        points,
        status,
        reason,
        details,
        durationMs,
        Visibility.Level.VISIBLE);
  }

  /** How a test ended. Only {@link #PASSED} scores. */
  public enum Status {
    PASSED("passed"),
    FAILED("failed"),
    TIMED_OUT("timed out"),
    CRASHED("crashed"),
    SKIPPED("skipped"),
    REFUSED("refused"),
    NOT_COMPILED("not compiled");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean passed() {
    return status == Status.PASSED;
  }

  public int score() {
    return passed() ? points : 0;
  }

  /** The class name without its package. */
  public String simpleClassName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** {@code ex01 FollowerStreamTests.appendsTheNextBatch}: unique within a grading run. */
  public String fullName() {
    return exercise + " " + simpleClassName() + "." + testName;
  }

  TestOutcome withStatus(Status newStatus, String newReason, String newDetails) {
    return new TestOutcome(
        exercise,
        className,
        testName,
        points,
        newStatus,
        newReason,
        newDetails,
        durationMs,
        visibility);
  }
}
