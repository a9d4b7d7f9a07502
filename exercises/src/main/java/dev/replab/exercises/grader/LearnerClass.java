package dev.replab.exercises.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class the learner writes for an exercise, as its graded tests use it: its name in the
 * exercise's package, the plug point it implements and the constructor the tests call. Put on the
 * exercise's test package ({@code package-info.java} next to the graded tests).
 *
 * <p>The grader runs the learner's class in a JVM of its own and gives the tests a stand-in of the
 * same name that forwards each call there, so this is the whole contract between the two: the plug
 * point's methods and this constructor, with arguments and answers of the small types in {@code
 * dev.replab.engine.api}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
@Repeatable(LearnerClass.List.class)
public @interface LearnerClass {
  /** The class's simple name, like {@code FollowerStream}. */
  String name();

  /** The plug point's interface, like {@code StreamApplier.class}. */
  Class<?> implementing();

  /** The parameter types of the public constructor the tests call; none by default. */
  Class<?>[] constructor() default {};

  /** More than one learner class in an exercise. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PACKAGE)
  @interface List {
    LearnerClass[] value();
  }
}
