/**
 * The graded tests of ex08. The grader runs the learner's UpToDateLogRule in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "UpToDateLogRule", implementing = VoteRule.class)
package dev.replab.exercises.ex08;

import dev.replab.engine.api.VoteRule;
import dev.replab.exercises.grader.LearnerClass;
