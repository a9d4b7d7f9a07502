package dev.replab.exercises.ex02;

import static dev.replab.exercises.ex02.CommitCases.when;

import dev.replab.engine.api.CommitRule;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 2: the leader's commit decision for one write, case by case. */
class CommitDecisionTests {

  /**
   * Created inside each test, so that a class that does not compile fails the test, not the
   * listing.
   */
  private static CommitRule learner() {
    return new QuorumCommitRule();
  }

  @Test
  @Points(2)
  void asynchronousCommitsAtOnce() {
    CommitCases.check(
        learner(),
        when("0", 1, "n2 0/0", "n3 0/0")
            .expect(true, "asynchronous replication waits for no follower"),
        when("0", 100, "n2 3/3 disconnected")
            .expect(true, "asynchronous replication waits for no follower"));
  }

  @Test
  @Points(3)
  void allWaitsForEveryFollower() {
    CommitCases.check(
        learner(),
        when("all", 5, "n2 5/5", "n3 5/5", "n4 5/5")
            .expect(true, "every follower has received offset 5"),
        when("all", 5, "n2 5/5", "n3 5/5", "n4 4/4")
            .expect(false, "n4 has not received offset 5 yet"),
        when("all", 5, "n2 5/5", "n3 5/5", "n4 2/2 disconnected")
            .expect(false, "a follower that is down still counts: all means all"),
        when("all", 3, "n2 5/5", "n3 3/3", "n4 7/6")
            .expect(true, "a follower that has received a later offset has received 3 too"),
        when("all (n2,n3)", 5, "n2 5/5", "n3 5/5", "n4 0/0")
            .expect(true, "only the listed followers n2 and n3 count"));
  }

  @Test
  @Points(3)
  void anyCountsAcknowledgementsFromAnyKFollowers() {
    CommitCases.check(
        learner(),
        when("2 any", 5, "n2 5/5", "n3 0/0", "n4 5/5").expect(true, "n2 and n4 make two"),
        when("2 any", 5, "n2 5/5", "n3 4/4", "n4 4/4")
            .expect(false, "only n2 has offset 5: one of two"),
        when("2 any (n2,n3,n4)", 5, "n2 6/6", "n3 4/4", "n4 5/5")
            .expect(true, "n2 (at 6) and n4 make two"),
        when("2 any (n3,n4)", 5, "n2 5/5", "n3 5/5", "n4 0/0")
            .expect(false, "n2 is not in the list, so only n3 counts"),
        when("1 any", 5, "n2 5/5 disconnected", "n3 0/0")
            .expect(true, "an acknowledgement that arrived counts even if n2 went quiet since"));
  }

  @Test
  @Points(4)
  void firstWaitsForTheHighestPriorityConnectedFollowers() {
    CommitCases.check(
        learner(),
        when("2 first (n2,n3,n4)", 5, "n2 5/5", "n3 4/4", "n4 5/5")
            .expect(
                false,
                "n2 and n3 are the two synchronous standbys; n3 has not received offset 5, and n4's acknowledgement does not replace it"),
        when("2 first (n2,n3,n4)", 5, "n2 5/5", "n3 5/5", "n4 0/0")
            .expect(true, "n2 and n3 have it; n4 is only a potential standby"),
        when("2 first (n2,n3,n4)", 5, "n2 5/5", "n3 4/4 disconnected", "n4 5/5")
            .expect(true, "n3 is disconnected, so n4 moves up: n2 and n4 have offset 5"),
        when("2 first (n4,n3,n2)", 5, "n2 0/0", "n3 5/5", "n4 5/5")
            .expect(true, "the list's order sets the priority: n4 and n3 come first"),
        when("2 first (n2,n3)", 5, "n2 5/5", "n3 5/5 disconnected", "n4 5/5")
            .expect(
                false,
                "only n2 of the listed followers is connected: two synchronous standbys are needed"),
        when("1 (n3,n2)", 5, "n2 5/5", "n3 4/4", "n4 5/5")
            .expect(false, "a list without a keyword means first: n3 leads it"));
  }

  @Test
  @Points(3)
  void appliedAcknowledgementsCountOnlyAppliedEntries() {
    CommitCases.check(
        learner(),
        when("all ack=applied", 5, "n2 5/5", "n3 5/4")
            .expect(false, "n3 has received offset 5 but not applied it"),
        when("all", 5, "n2 5/5", "n3 5/4")
            .expect(true, "with ack=received, having received offset 5 is enough"),
        when("1 any ack=applied", 5, "n2 5/4", "n3 5/5").expect(true, "n3 has applied offset 5"),
        when("1 first (n2,n3) ack=applied", 5, "n2 5/4", "n3 5/5")
            .expect(false, "n2 is the synchronous standby and has not applied offset 5"));
  }
}
