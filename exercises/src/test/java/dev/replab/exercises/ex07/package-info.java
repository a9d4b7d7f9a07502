/**
 * The graded tests of ex07. The grader runs the learner's HeartbeatDetector in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(
    name = "HeartbeatDetector",
    implementing = FailureDetector.class,
    constructor = {long.class, long.class})
package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;
import dev.replab.exercises.grader.LearnerClass;
