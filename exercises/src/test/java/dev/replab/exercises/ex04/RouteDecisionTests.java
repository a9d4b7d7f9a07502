package dev.replab.exercises.ex04;

import static dev.replab.exercises.RouterCases.read;

import dev.replab.exercises.RouterCases;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 4: where one read goes, case by case. */
class RouteDecisionTests {

  @Test
  @Points(3)
  void sendsTheReadToAFollowerThatHasTheClientsWrite() {
    RouterCases.check(
        ReadYourWritesRouter::new,
        read(10, "n1* 12", "n2 10", "n3 8")
            .expect("n2", "n2 has applied offset 10, the client's last write; n3 has not"),
        read(5, "n1* 12", "n2 9", "n3 12").expect("n2 n3", "both followers have offset 5"),
        read(0, "n1* 4", "n2 0", "n3 0")
            .expect("n2 n3", "a client that wrote nothing may read from any follower"),
        read(7, "n1* 9", "n2 6", "n3 7", "n4 9")
            .expect(
                "n3 n4", "a follower that has applied exactly the token's offset has the write"));
  }

  @Test
  @Points(3)
  void fallsBackToTheLeaderWhenNoFollowerHasTheWrite() {
    RouterCases.check(
        ReadYourWritesRouter::new,
        read(12, "n1* 12", "n2 10", "n3 11")
            .expect("n1", "no follower has applied offset 12 yet; the leader has it"),
        read(12, "n1 9", "n2* 12", "n3 10")
            .expect("n2", "after a failover n2 leads: the leader is not always first in the list"),
        read(3, "n1* 3").expect("n1", "a cluster of one: the leader is all there is"));
  }

  @Test
  @Points(2)
  void takesTurnsAmongTheFollowersThatQualify() {
    RouterCases.takesTurns(
        new ReadYourWritesRouter(),
        read(8, "n1* 10", "n2 10", "n3 9", "n4 8", "n5 2"),
        9,
        "n2 n3 n4",
        "n2, n3 and n4 have offset 8 and should share the reads; n5 has not, and the leader is not needed");
  }

  @Test
  @Points(2)
  void withoutALeaderPicksTheReplicaThatHasAppliedTheMost() {
    RouterCases.check(
        ReadYourWritesRouter::new,
        read(12, "n2 7", "n3 9")
            .expect("n3", "no leader is up and no follower has offset 12: n3 is closest to it"),
        read(6, "n2 7", "n3 9")
            .expect("n2 n3", "without a leader, followers that have the write still qualify"));
  }
}
