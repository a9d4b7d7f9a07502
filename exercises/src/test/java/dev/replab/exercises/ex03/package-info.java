/**
 * The graded tests of ex03. The grader runs the learner's ReplicationLagMonitor in a JVM of its own
 * and gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "ReplicationLagMonitor", implementing = LagMonitor.class)
package dev.replab.exercises.ex03;

import dev.replab.engine.api.LagMonitor;
import dev.replab.exercises.grader.LearnerClass;
