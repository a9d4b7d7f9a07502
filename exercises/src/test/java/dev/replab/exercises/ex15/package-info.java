/**
 * The graded tests of ex15. The grader runs the learner's PnCounter in a JVM of its own and gives
 * these tests a stand-in of that name which forwards each call of the plug point there.
 */
@LearnerClass(name = "PnCounter", implementing = CounterCrdt.class)
package dev.replab.exercises.ex15;

import dev.replab.engine.api.CounterCrdt;
import dev.replab.exercises.grader.LearnerClass;
