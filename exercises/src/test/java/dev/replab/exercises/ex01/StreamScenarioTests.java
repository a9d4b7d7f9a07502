package dev.replab.exercises.ex01;

import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 1: the learner's rule on every follower of a real simulated cluster whose links
 * lose messages, so that batches go missing, arrive twice and overlap.
 */
class StreamScenarioTests {
  private static final String CONVERGED =
      "after settle, every follower's log equals the leader's, entry for entry, and is applied";

  /** Plugs a recorder around a fresh learner's applier into the cluster and starts the scenario. */
  private static Scenario start(long seed, String story, String createLine) {
    DecisionRecorder[] recorder = new DecisionRecorder[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; your FollowerStream runs on every node",
            createLine,
            FollowerStream.class,
            (stage, cluster) -> {
              recorder[0] = new DecisionRecorder(new FollowerStream(), cluster.sim()::nowUs, stage);
              cluster.setStreamApplier(recorder[0]);
            });
    return scenario.withHint(() -> recorder[0].firstDisagreement());
  }

  @Test
  @Points(5)
  void followersCatchUpThroughLossyLinks() {
    for (long seed : new long[] {1, 5, 7}) {
      Scenario scenario =
          start(
              seed,
              "4 nodes, every link loses 20% of messages, 40 writes, then settle",
              "create leader-follower nodes=4 loss=0.2");
      scenario.writes("k", 40);
      scenario.settle(CONVERGED);
      scenario.assertEveryLogMatchesTheLeader(CONVERGED);
    }
  }

  @Test
  @Points(5)
  void restartedAndPausedFollowersCatchUp() {
    for (long seed : new long[] {1, 3}) {
      Scenario scenario =
          start(
              seed,
              "3 nodes, 10% message loss; n2 crashes for 10 writes and restarts from its log; n3 is paused for 10 more, then settle",
              "create leader-follower nodes=3 loss=0.1");
      scenario.writes("a", 10);
      scenario.run("crash n2");
      scenario.writes("b", 10);
      scenario.run("restart n2");
      scenario.run("pause n3");
      scenario.writes("c", 10);
      scenario.run("resume n3");
      scenario.settle(CONVERGED);
      scenario.assertEveryLogMatchesTheLeader(CONVERGED);
    }
  }

  @Test
  @Points(5)
  void formerLeaderRejoinsAfterFailover() {
    for (long seed : new long[] {2, 3}) {
      Scenario scenario =
          start(
              seed,
              "4 nodes, 20% message loss; 15 writes, n1 crashes, n2 is promoted, 15 writes to n2, n1 restarts and follows n2, then settle",
              "create leader-follower nodes=4 loss=0.2");
      scenario.writes("a", 15);
      scenario.run("crash n1");
      scenario.run("promote n2");
      scenario.writes("b", 15);
      scenario.run("restart n1");
      scenario.settle(CONVERGED);
      scenario.assertEveryLogMatchesTheLeader(CONVERGED + ", the former leader n1's too");
    }
  }
}
