package dev.replab.exercises.ex03;

import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.LeaderFollower;
import dev.replab.engine.leaderfollower.Node;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 3: the learner's monitor in a real cluster, read back through the {@code lag}
 * command and the cluster's lag history, on an idle leader and on followers that fall behind.
 */
class LagScenarioTests {

  private static Scenario start(long seed, String story, String createLine) {
    LagRecorder[] recorder = new LagRecorder[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; your ReplicationLagMonitor measures lag",
            createLine,
            ReplicationLagMonitor.class,
            (stage, cluster) -> {
              recorder[0] = new LagRecorder(new ReplicationLagMonitor(), stage);
              cluster.setLagMonitor(recorder[0]);
            });
    return scenario.withHint(() -> recorder[0].firstDisagreement());
  }

  /** What a follower's row must say now, worked out from the logs themselves. */
  private record Truth(long entries, double lagMs, double replayLagMs) {
    static Truth of(LeaderFollower cluster, Node follower) {
      Node leader = cluster.leader();
      long now = cluster.sim().nowUs();
      long applied = follower.appliedOffset();
      long entries = Math.max(0, leader.log().lastOffset() - applied);
      long lagUs = entries == 0 ? 0 : now - leader.log().get(applied + 1).writtenUs();
      long replayUs = applied == 0 ? 0 : now - follower.log().get(applied).writtenUs();
      return new Truth(entries, lagUs / 1_000.0, replayUs / 1_000.0);
    }

    String describe() {
      return LagScenarioTests.describe(entries, lagMs, replayLagMs);
    }
  }

  private static String describe(Result.LagRow row) {
    return describe(row.appliedLag(), row.lagMs(), row.replayLagMs());
  }

  private static String describe(long entries, double lagMs, double replayLagMs) {
    return String.format(
        Locale.ROOT,
        "%d %s behind, lag %.2f ms, replay age %.2f ms",
        entries,
        entries == 1 ? "entry" : "entries",
        lagMs,
        replayLagMs);
  }

  /** Runs {@code lag} and checks every follower's row against the logs. */
  private static Result.Lag lagMatchesTheLogs(Scenario scenario, String expected) {
    Result.Lag lag = (Result.Lag) scenario.run("lag").result();
    for (Result.LagRow row : lag.followers()) {
      Truth truth = Truth.of(scenario.cluster(), scenario.cluster().node(row.id()));
      boolean same =
          row.appliedLag() == truth.entries()
              && Math.abs(row.lagMs() - truth.lagMs()) < 0.0015
              && Math.abs(row.replayLagMs() - truth.replayLagMs()) < 0.0015;
      if (!same) {
        throw scenario.failure(
            "'lag' shows " + row.id() + " " + describe(row) + "; its log says " + truth.describe(),
            expected,
            null);
      }
    }
    return lag;
  }

  private static Result.LagRow row(Result.Lag lag, String node) {
    return lag.followers().stream().filter(r -> r.id().equals(node)).findFirst().orElseThrow();
  }

  @Test
  @Points(5)
  void anIdleLeaderShowsReplayAgeButNoLag() {
    Scenario scenario =
        start(
            1,
            "3 nodes; no writes for 2 s; then write x 1, settle, and a minute without writes",
            "create leader-follower nodes=3");
    scenario.run("tick 2s");
    lagMatchesTheLogs(
        scenario,
        "before any write, no follower is behind and none has a replay age: every reading is 0");
    scenario.runAll("write x 1", "settle", "tick 60s");
    String expected =
        "after a minute without writes, every follower has everything: 0 entries and 0 lag, but a replay age of about 60 s";
    Result.Lag lag = lagMatchesTheLogs(scenario, expected);
    for (Result.LagRow row : lag.followers()) {
      if (row.replayLagMs() < 59_900 || row.lagMs() != 0) {
        throw scenario.failure("'lag' shows " + row.id() + " " + describe(row), expected, null);
      }
    }
    for (var history : scenario.cluster().lagHistory().entrySet()) {
      List<LeaderFollower.LagSample> samples = history.getValue();
      LeaderFollower.LagSample last = samples.get(samples.size() - 1);
      if (last.entries() != 0 || last.lagUs() != 0 || last.replayAgeUs() < 59_800_000) {
        throw scenario.failure(
            "the lag history's latest sample of " + history.getKey() + " is " + last,
            expected + "; the cluster samples every follower with your monitor ten times a second",
            null);
      }
    }
  }

  @Test
  @Points(5)
  void aFollowerThatAppliesTooSlowlyShowsGrowingLag() {
    Scenario scenario =
        start(
            1,
            "3 nodes whose followers take 20 ms to apply an entry; 150 writes at 200 a second, then settle",
            "create leader-follower nodes=3 apply=20ms");
    long startUs = scenario.cluster().sim().nowUs();
    scenario.run("load ops=150 clients=1 reads=0 rate=200/s check=off");
    String expected =
        "the followers apply 50 entries a second while the leader writes 200: entries behind and lag grow, sample after sample";
    Result.Lag lag = lagMatchesTheLogs(scenario, expected);
    Result.LagRow n2 = row(lag, "n2");
    if (n2.appliedLag() < 50 || n2.lagMs() < 300) {
      throw scenario.failure(
          "'lag' right after the writes shows n2 " + describe(n2), expected, null);
    }
    List<LeaderFollower.LagSample> samples =
        scenario.cluster().lagHistory().get("n2").stream().filter(s -> s.atUs() > startUs).toList();
    for (int i = 1; i < samples.size(); i++) {
      LeaderFollower.LagSample before = samples.get(i - 1);
      LeaderFollower.LagSample after = samples.get(i);
      if (after.entries() <= before.entries() || after.lagUs() <= before.lagUs()) {
        throw scenario.failure(
            "n2's lag did not grow from one sample to the next: " + before + " then " + after,
            expected,
            null);
      }
    }
    scenario.settle("the followers catch up once the writes stop");
    lagMatchesTheLogs(scenario, "once caught up, every follower is 0 entries behind with 0 lag");
  }

  @Test
  @Points(5)
  void lagCountsFromTheMissingWriteNotFromTheLastOneApplied() {
    Scenario scenario =
        start(
            1,
            "3 nodes; write x 1, settle, a minute without writes; then the link n1-n3 takes 200 ms and x 2 is written",
            "create leader-follower nodes=3");
    scenario.runAll(
        "write x 1",
        "settle",
        "tick 60s",
        "link n1 n3 latency=const(200ms)",
        "write x 2",
        "tick 100ms");
    String expected =
        "n3 has been missing x=2 for about 100 ms: its lag is about 100 ms (not a minute), its replay age about 60 s";
    Result.LagRow n3 = row(lagMatchesTheLogs(scenario, expected), "n3");
    if (n3.appliedLag() != 1 || n3.lagMs() > 1_000) {
      throw scenario.failure("'lag' shows n3 " + describe(n3), expected, null);
    }
    List<LeaderFollower.LagSample> samples = scenario.cluster().lagHistory().get("n3");
    LeaderFollower.LagSample last = samples.get(samples.size() - 1);
    if (last.entries() != 1 || last.lagUs() > 1_000_000) {
      throw scenario.failure("the lag history's latest sample of n3 is " + last, expected, null);
    }
    scenario.run("tick 200ms");
    lagMatchesTheLogs(
        scenario,
        "once x=2 has arrived, n3 is caught up again: 0 entries, 0 lag, a replay age of about 300 ms");
  }
}
