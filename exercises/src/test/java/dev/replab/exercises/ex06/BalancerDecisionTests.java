package dev.replab.exercises.ex06;

import static dev.replab.exercises.RouterCases.read;

import dev.replab.exercises.RouterCases;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 6: where the lag-aware balancer sends one read, case by case. */
class BalancerDecisionTests {

  @Test
  @Points(3)
  void spreadsReadsOverTheFollowersWithinTheBound() {
    RouterCases.takesTurns(
        new LagAwareRouter(5),
        read(0, "n1* 30", "n2 30", "n3 25", "n4 24", "n5 10"),
        9,
        "n2 n3",
        "with a bound of 5 entries, n2 (0 behind) and n3 (exactly 5 behind) share the reads; n4 (6) and n5 (20) are too far behind");
    RouterCases.takesTurns(
        new LagAwareRouter(100),
        read(0, "n1 80", "n2* 90", "n3 85"),
        6,
        "n1 n3",
        "after a failover n2 leads; the followers n1 and n3 are within 100 entries and share the reads");
  }

  @Test
  @Points(3)
  void sendsReadsToTheLeaderWhenEveryFollowerIsTooFarBehind() {
    RouterCases.check(
        () -> new LagAwareRouter(5),
        read(0, "n1* 40", "n2 32", "n3 20")
            .expect("n1", "n2 is 8 entries behind and n3 is 20: the leader is the only fresh copy"),
        read(0, "n1 9", "n2 10", "n3* 30")
            .expect("n3", "n3 leads after a failover: the leader is not always first in the list"),
        read(0, "n1* 3").expect("n1", "a cluster of one: the leader is all there is"));
  }

  @Test
  @Points(2)
  void aBoundOfZeroAdmitsOnlyCaughtUpFollowers() {
    RouterCases.check(
        () -> new LagAwareRouter(0),
        read(0, "n1* 12", "n2 12", "n3 11").expect("n2", "only n2 has every entry"),
        read(0, "n1* 12", "n2 11", "n3 11").expect("n1", "every follower misses an entry"));
  }

  @Test
  @Points(2)
  void withoutALeaderPicksTheLeastLaggingReplica() {
    RouterCases.check(
        () -> new LagAwareRouter(5),
        read(0, "n2 40 lag=30", "n3 52 lag=18", "n4 35 lag=35")
            .expect(
                "n3",
                "the leader is down and every follower is beyond the bound: n3, the least behind, is the best answer there is"),
        read(0, "n2 40 lag=3", "n3 52 lag=18")
            .expect("n2", "without a leader, a follower within the bound still serves"));
  }
}
