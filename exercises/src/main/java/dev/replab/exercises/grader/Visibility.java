package dev.replab.exercises.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * When a learner may see a graded test's result on Gradescope, on the test method or its class.
 * Tests shipped with the exercises are {@link Level#VISIBLE}; an instructor's hidden tests (given
 * with {@code --hidden}) are {@link Level#AFTER_DUE_DATE} unless they say otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Visibility {
  Level value();

  /** Gradescope's visibility settings. */
  enum Level {
    /** Always shown. */
    VISIBLE,
    /** Shown once the assignment's due date has passed. */
    AFTER_DUE_DATE,
    /** Shown once the grades are published. */
    AFTER_PUBLISHED,
    /**
     * Never shown to the learner. Gradescope expects such tests to be worth no points, since a
     * learner who cannot see a test cannot see the total it adds to either.
     */
    HIDDEN;

    /** The word Gradescope's results.json uses. */
    public String gradescopeName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
