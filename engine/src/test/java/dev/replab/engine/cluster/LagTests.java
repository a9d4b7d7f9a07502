package dev.replab.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.LeaderFollower;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lag}, the lag columns of {@code status}, and the lag history the cluster samples. */
class LagTests {

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  private static Result.LagRow row(Result.Lag lag, String node) {
    return lag.followers().stream()
        .filter(r -> r.id().equals(node))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no lag row for " + node + ":\n" + lag.text()));
  }

  @Test
  void idleLeaderMakesReplayAgeGrowWithNothingMissingAndLagExplainsTheTrap() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle", "tick 60s");
    Result.Lag lag = lab.result("lag", Result.Lag.class);
    assertEquals("n1", lag.leader());
    assertEquals(1, lag.leaderOffset());
    for (String follower : List.of("n2", "n3")) {
      Result.LagRow row = row(lag, follower);
      assertEquals(0, row.receivedLag(), lag.text());
      assertEquals(0, row.appliedLag(), lag.text());
      assertEquals(0, row.lagMs(), lag.text());
      assertEquals(
          60_000, row.replayLagMs(), 50, () -> "now minus when x=1 was written\n" + context(lab));
    }
    assertTrue(
        lag.text().contains("note: n2, n3 are missing nothing, yet the replay age reads 60s"),
        lag.text());
    assertTrue(lag.text().contains("alert on entries behind"), lag.text());
  }

  @Test
  void freshlyWrittenClusterHasNoIdleNote() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle");
    Result.Lag lag = lab.result("lag", Result.Lag.class);
    assertTrue(row(lag, "n2").replayLagMs() < 10, lag.text());
    assertFalse(lag.text().contains("note:"), lag.text());
  }

  @Test
  void laggingFollowerIsBehindInEntriesAndInTimeUntilItCatchesUp() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("link n1 n3 latency=const(200ms)", "write x 1", "write x 2", "tick 100ms");
    Result.Lag lag = lab.result("lag", Result.Lag.class);
    Result.LagRow slow = row(lag, "n3");
    assertEquals(2, slow.receivedLag(), lag.text());
    assertEquals(2, slow.appliedLag(), lag.text());
    assertTrue(
        slow.lagMs() >= 100 && slow.lagMs() < 110,
        () -> "missing x=1 since it was written\n" + lag.text());
    assertEquals(0, row(lag, "n2").appliedLag(), lag.text());
    assertEquals(2, lab.node("n3").lag(), "status agrees");
    assertEquals(slow.lagMs(), lab.node("n3").lagMs(), 0.01);

    lab.run("tick 500ms");
    Result.LagRow caughtUp = row(lab.result("lag", Result.Lag.class), "n3");
    assertEquals(0, caughtUp.appliedLag(), () -> context(lab));
    assertEquals(0, caughtUp.lagMs());
  }

  @Test
  void lagHistoryKeepsASampleEvery100msForEachFollower() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("link n1 n3 latency=const(300ms)", "write x 1", "tick 1s");
    Map<String, List<LeaderFollower.LagSample>> history = lab.lf().lagHistory();
    assertEquals(List.of("n2", "n3"), List.copyOf(history.keySet()));
    List<LeaderFollower.LagSample> n3 = history.get("n3");
    assertEquals(10, n3.size(), () -> n3.toString());
    for (int i = 0; i < n3.size(); i++) {
      assertEquals(100_000L * (i + 1), n3.get(i).atUs(), "one sample every 100ms");
    }
    List<LeaderFollower.LagSample> behind = n3.stream().filter(s -> s.entries() > 0).toList();
    assertEquals(3, behind.size(), () -> "n3 misses x=1 for about 300ms: " + n3);
    assertTrue(
        behind.get(0).lagUs() < behind.get(1).lagUs()
            && behind.get(1).lagUs() < behind.get(2).lagUs(),
        n3.toString());
    LeaderFollower.LagSample last = n3.get(n3.size() - 1);
    assertEquals(0, last.entries());
    assertEquals(0, last.lagUs());
    assertTrue(
        last.replayAgeUs() > 600_000, "replay age counts from when x=1 was written: " + last);
    assertTrue(
        history.get("n2").stream().allMatch(s -> s.entries() == 0),
        "n2 was caught up at every sample");
  }
}
