/**
 * The graded tests of ex14. The grader runs the learner's VersionVectors in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "VersionVectors", implementing = VersionVectorRule.class)
package dev.replab.exercises.ex14;

import dev.replab.engine.api.VersionVectorRule;
import dev.replab.exercises.grader.LearnerClass;
