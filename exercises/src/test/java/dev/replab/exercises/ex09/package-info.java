/**
 * The graded tests of ex09. The grader runs the learner's FencingTokenGuard in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "FencingTokenGuard", implementing = FencingGuard.class)
package dev.replab.exercises.ex09;

import dev.replab.engine.api.FencingGuard;
import dev.replab.exercises.grader.LearnerClass;
