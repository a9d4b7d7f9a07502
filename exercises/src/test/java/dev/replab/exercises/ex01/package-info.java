/**
 * The graded tests of ex01. The grader runs the learner's FollowerStream in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "FollowerStream", implementing = StreamApplier.class)
package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.exercises.grader.LearnerClass;
