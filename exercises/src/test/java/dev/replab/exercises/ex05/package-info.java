/**
 * The graded tests of ex05. The grader runs the learner's MonotonicSession in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "MonotonicSession", implementing = SessionGuarantee.class)
package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;
import dev.replab.exercises.grader.LearnerClass;
