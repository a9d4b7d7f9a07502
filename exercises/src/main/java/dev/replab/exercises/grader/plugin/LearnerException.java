package dev.replab.exercises.grader.plugin;

/**
 * An exception of the learner's own type (or one the grader does not rebuild), thrown in the
 * learner's JVM: it keeps the type's name and the message, and the stack frames in the learner's
 * code.
 */
public final class LearnerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String typeName;

  public LearnerException(String typeName, String message) {
    super(message);
    this.typeName = typeName;
  }

  /** The fully qualified name of the type the learner's code threw. */
  public String typeName() {
    return typeName;
  }

  /** The type's name without its package. */
  public String simpleTypeName() {
    return typeName.substring(typeName.lastIndexOf('.') + 1);
  }

  @Override
  public String toString() {
    return getMessage() == null ? typeName : typeName + ": " + getMessage();
  }
}
