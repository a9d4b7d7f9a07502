/**
 * The graded tests of ex06. The grader runs the learner's LagAwareRouter in a JVM of its own and
 * gives these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(
    name = "LagAwareRouter",
    implementing = ReadRouter.class,
    constructor = {long.class})
package dev.replab.exercises.ex06;

import dev.replab.engine.api.ReadRouter;
import dev.replab.exercises.grader.LearnerClass;
