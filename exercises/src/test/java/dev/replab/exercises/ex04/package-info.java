/**
 * The graded tests of ex04. The grader runs the learner's ReadYourWritesRouter in a JVM of its own
 * and gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "ReadYourWritesRouter", implementing = ReadRouter.class)
package dev.replab.exercises.ex04;

import dev.replab.engine.api.ReadRouter;
import dev.replab.exercises.grader.LearnerClass;
