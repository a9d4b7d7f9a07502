package dev.replab.exercises.grader;

import java.util.List;

/**
 * Everything one grading run found: per exercise, how its code compiled and how its tests went.
 *
 * @param exercises the graded exercises, in order
 * @param elapsedMs the whole run, in wall-clock milliseconds
 * @param notes what the grader did with a submission's files, one sentence each (empty when it
 *     graded a source tree as it was)
 */
public record GradeResult(List<ExerciseResult> exercises, long elapsedMs, List<String> notes) {
  public GradeResult {
    exercises = List.copyOf(exercises);
    notes = List.copyOf(notes);
  }

  public GradeResult(List<ExerciseResult> exercises, long elapsedMs) {
    this(exercises, elapsedMs, List.of());
  }

  /**
   * One exercise's part.
   *
   * @param exercise which exercise
   * @param compileReport the compiler's errors in full, empty when the code compiled
   * @param tests every graded test with its outcome
   */
  public record ExerciseResult(Exercise exercise, String compileReport, List<TestOutcome> tests) {
    public int score() {
      return tests.stream().mapToInt(TestOutcome::score).sum();
    }

    public int maxScore() {
      return tests.stream().mapToInt(TestOutcome::points).sum();
    }

    public boolean compiled() {
      return compileReport.isEmpty();
    }
  }

  public int score() {
    return exercises.stream().mapToInt(ExerciseResult::score).sum();
  }

  public int maxScore() {
    return exercises.stream().mapToInt(ExerciseResult::maxScore).sum();
  }

  public List<TestOutcome> tests() {
    return exercises.stream().flatMap(e -> e.tests().stream()).toList();
  }

  /** True when there was something to grade and every test of it passed. */
  public boolean allPassed() {
    List<TestOutcome> tests = tests();
    return !tests.isEmpty() && tests.stream().allMatch(TestOutcome::passed);
  }
}
