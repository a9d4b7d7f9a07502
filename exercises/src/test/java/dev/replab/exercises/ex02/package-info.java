/**
 * The graded tests of ex02. The grader runs the learner's QuorumCommitRule in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "QuorumCommitRule", implementing = CommitRule.class)
package dev.replab.exercises.ex02;

import dev.replab.engine.api.CommitRule;
import dev.replab.exercises.grader.LearnerClass;
