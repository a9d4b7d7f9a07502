/**
 * The graded tests of ex16. The grader runs the learner's CartSet in a JVM of its own and gives
 * these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "CartSet", implementing = SetCrdt.class)
package dev.replab.exercises.ex16;

import dev.replab.engine.api.SetCrdt;
import dev.replab.exercises.grader.LearnerClass;
