/**
 * The graded tests of ex17. The grader runs the learner's LastWriteWins in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "LastWriteWins", implementing = LwwOrder.class)
package dev.replab.exercises.ex17;

import dev.replab.engine.api.LwwOrder;
import dev.replab.exercises.grader.LearnerClass;
