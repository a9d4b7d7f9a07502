package dev.replab.lessons;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A lesson file that is not valid YAML or does not follow the lesson schema. It carries every
 * problem found in the file, each with its position, so an author can fix them in one pass.
 */
public final class LessonFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** One thing wrong with a lesson file, said in a sentence. */
  public record Problem(Position at, String message) {
    @Override
    public String toString() {
      return at + ": " + message;
    }
  }

  public LessonFormatException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a format exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
