package dev.replab.engine.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Executed;
import dev.replab.engine.Lab;
import dev.replab.engine.leaderfollower.LeaderFollower;
import org.junit.jupiter.api.Test;

/** Changing failover settings at run time takes effect, and unsafe changes are refused. */
class FailoverSettingsTests {
  @Test
  void followersWaitTheNewDetectionTimeBeforeElecting() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("failover auto detect=5s", "write x 1", "tick 100ms", "crash n1", "tick 3s");
    assertEquals(
        null, lab.lf().leader(), () -> "no election before 5s of silence\n" + lab.transcript());
    lab.runAll("tick 5s");
    assertNotEquals(
        null, lab.lf().leader(), () -> "an election after 5s of silence\n" + lab.transcript());
  }

  @Test
  void theMonitorFollowsAManualPromotion() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "failover auto detect=1s monitor=on", "write x 1", "settle", "promote n3", "tick 5s");
    LeaderFollower cluster = lab.lf();
    assertEquals(
        "n3",
        cluster.leader().id(),
        () -> "the monitor must not depose the healthy n3\n" + lab.transcript());
    assertTrue(
        cluster.cluster().events().stream()
            .noneMatch(e -> e.text().startsWith("monitor: no answer")),
        lab::transcript);
  }

  @Test
  void aCustomPolicyNeedsAPluggedRouter() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    Executed rejected = lab.reject("read x policy=custom");
    assertTrue(
        rejected.error().startsWith("no custom read router is plugged in"), rejected.error());
    assertEquals(15, rejected.column());
    lab.reject("load ops=10 policy=custom");
    lab.reject("sweep replicas=1,2 ops=10 policy=custom");
  }

  @Test
  void removingAListedStandbyOrTheLastQuorumMemberIsRefused() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("setquorum 1 first (n3)");
    assertTrue(
        lab.reject("remove n3").error().startsWith("n3 is listed in setquorum 1 first (n3)"));
    lab.runAll("setquorum 2 any");
    assertTrue(
        lab.reject("remove n3").error().contains("needs 2 followers, and only 1 would be left"));
  }

  @Test
  void aCrashedLeaderCannotBeRemoved() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("failover auto detect=1s monitor=on", "write x 1", "crash n1");
    assertTrue(lab.reject("remove n1").error().startsWith("n1 is the leader"));
    lab.runAll("tick 5s");
    assertNotEquals(null, lab.lf().leader(), lab::transcript);
  }
}
