package dev.replab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.LeaderFollower;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every plug point an exercise's grader uses: an implementation plugged into a real cluster is the
 * one the cluster consults, as calls recorded on it and changed behaviour show.
 */
class PlugPointTests {

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  private static LeaderFollower cluster(Lab lab) {
    return lab.lf();
  }

  private static List<String> events(Lab lab) {
    return lab.history().events().stream().map(Result.EventRow::event).toList();
  }

  // ---------------------------------------------------------------- commit rule

  /** Asks the engine's rule and remembers every question. */
  private static final class RecordingCommitRule implements CommitRule {
    final List<String> asked = new ArrayList<>();

    @Override
    public boolean isCommitted(long offset, QuorumPolicy policy, List<FollowerProgress> followers) {
      asked.add(
          offset
              + " "
              + policy.describe()
              + " "
              + followers.stream().map(FollowerProgress::id).toList());
      return new StandardCommitRule().isCommitted(offset, policy, followers);
    }
  }

  @Test
  void pluggedCommitRuleDecidesEverySynchronousCommit() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    RecordingCommitRule rule = new RecordingCommitRule();
    cluster(lab).setCommitRule(rule);
    lab.run("setquorum 1");
    assertEquals("ok", lab.write("write x 1").outcome());
    assertFalse(rule.asked.isEmpty(), () -> context(lab));
    assertTrue(
        rule.asked.contains("1 1 any ack=received timeout=never [n2, n3]"), rule.asked.toString());
  }

  @Test
  void commitRuleThatAlwaysSaysYesCommitsWithEveryFollowerDown() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 timeout=2s");
    cluster(lab).setCommitRule((offset, policy, followers) -> true);
    lab.runAll("setquorum all", "crash n2", "crash n3");
    Result.WriteDone write = lab.write("write x 1");
    assertEquals("ok", write.outcome(), () -> context(lab));
    assertEquals(List.of(), write.ackedBy());
    assertTrue(write.latencyMs() < 5, "nobody was waited for: " + write.latencyMs());
  }

  @Test
  void commitRuleThatAlwaysSaysNoLeavesTheClientNotKnowing() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 timeout=2s");
    cluster(lab).setCommitRule((offset, policy, followers) -> false);
    lab.run("setquorum 1");
    Result.WriteDone write = lab.write("write x 1");
    assertEquals("unknown", write.outcome(), () -> context(lab));
    assertEquals(1, cluster(lab).leader().pendingWrites());
  }

  // ---------------------------------------------------------------- stream applier

  @Test
  void pluggedStreamApplierDecidesWhatFollowersDoWithEachBatch() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    List<String> batches = new ArrayList<>();
    cluster(lab)
        .setStreamApplier(
            (logEnd, prevOffset, count) -> {
              batches.add(logEnd + "/" + prevOffset + "/" + count);
              return new StandardStreamApplier().decide(logEnd, prevOffset, count);
            });
    lab.runAll("write x 1", "settle");
    assertTrue(batches.contains("0/0/1"), "an empty log receives offset 1: " + batches);
    assertEquals("1", lab.replica("x", "n2").value());
  }

  @Test
  void streamApplierThatIgnoresEveryBatchKeepsFollowersEmpty() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    cluster(lab).setStreamApplier((logEnd, prevOffset, count) -> new StreamDecision.Ignore());
    lab.runAll("write x 1", "write y 2", "tick 1s");
    assertEquals(2, lab.node("n1").offset());
    assertEquals(0, lab.node("n2").offset(), () -> context(lab));
    assertEquals(0, lab.node("n3").offset(), () -> context(lab));
    assertTrue(lab.read("read x from n2").stale());
  }

  // ---------------------------------------------------------------- vote rule

  @Test
  void pluggedVoteRuleIsAskedByEveryVoter() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    List<String> asked = new ArrayList<>();
    cluster(lab)
        .setVoteRule(
            (candidate, voter) -> {
              asked.add(candidate + " vs " + voter);
              return new UpToDateVoteRule().grants(candidate, voter);
            });
    lab.runAll("failover auto detect=1s", "write x 1", "tick 100ms", "crash n1", "tick 5s");
    assertNotNull(lab.status().leader(), () -> context(lab));
    assertFalse(asked.isEmpty(), () -> context(lab));
    assertTrue(
        asked.stream().allMatch(a -> a.equals("(epoch 1, offset 1) vs (epoch 1, offset 1)")),
        asked.toString());
  }

  @Test
  void voteRuleThatRefusesEveryoneMeansNoLeaderIsEverElected() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    cluster(lab).setVoteRule((candidate, voter) -> false);
    lab.runAll("failover auto detect=1s", "write x 1", "tick 100ms", "crash n1", "tick 6s");
    assertNull(lab.status().leader(), () -> context(lab));
    assertTrue(
        events(lab).stream().filter(e -> e.contains("stands for election")).count() >= 2,
        () -> context(lab));
    assertTrue(
        events(lab).stream().noneMatch(e -> e.contains("won the election")), () -> context(lab));
  }

  // ---------------------------------------------------------------- fencing guard

  /** The engine's fence, remembering each epoch it was shown. */
  private static final class RecordingFence implements FencingGuard {
    final EpochFence fence = new EpochFence();
    final List<Integer> admitted = new ArrayList<>();

    @Override
    public boolean admit(int epoch) {
      admitted.add(epoch);
      return fence.admit(epoch);
    }

    @Override
    public int newestEpoch() {
      return fence.newestEpoch();
    }
  }

  @Test
  void pluggedFenceChecksEveryWriteWhenFencingIsOn() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    RecordingFence fence = new RecordingFence();
    cluster(lab).setFence(fence);
    lab.runAll("write x 1");
    assertEquals(List.of(), fence.admitted, "fencing is off");
    lab.runAll("failover manual fencing=on", "write x 2", "write x 3");
    assertEquals(
        List.of(1, 1, 1),
        fence.admitted,
        "the leader's epoch when fencing started, then each write");
    lab.run("promote n2");
    assertEquals(2, fence.newestEpoch(), "a new leader raises the bar");
  }

  @Test
  void fenceThatAdmitsNothingRefusesTheLeadersWrites() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    cluster(lab)
        .setFence(
            new FencingGuard() {
              @Override
              public boolean admit(int epoch) {
                return false;
              }

              @Override
              public int newestEpoch() {
                return 9;
              }
            });
    lab.run("failover manual fencing=on");
    Result.WriteDone write = lab.write("write x 1");
    assertEquals("fail", write.outcome());
    assertEquals(
        "storage refused the write: n1 leads epoch 1 but storage has already seen epoch 9 (fencing token too old)",
        write.failure());
  }

  // ---------------------------------------------------------------- failure detector

  @Test
  void monitorUsesThePluggedFailureDetector() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    List<Long> made = new ArrayList<>();
    cluster(lab)
        .setDetectors(
            (detectUs, startUs) -> {
              made.add(detectUs);
              return new FailureDetector() {
                @Override
                public void heartbeat(long atUs) {}

                @Override
                public boolean suspects(long nowUs) {
                  return false;
                }
              };
            });
    lab.runAll("failover auto detect=2s monitor=on", "crash n1", "tick 10s");
    assertTrue(
        made.contains(2_000_000L), () -> "detectors are made with the new detection time: " + made);
    assertEquals(
        2_000_000L, made.get(made.size() - 1), () -> "the newest detectors use detect=2s: " + made);
    assertTrue(
        events(lab).stream().noneMatch(e -> e.startsWith("monitor:")),
        () -> "a detector that never suspects\n" + context(lab));
    assertNull(lab.status().leader());
  }

  @Test
  void followersUseThePluggedFailureDetectorAndTheNewDetectionTime() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    List<Long> made = new ArrayList<>();
    cluster(lab)
        .setDetectors(
            (detectUs, startUs) -> {
              made.add(detectUs);
              return new FailureDetector() {
                @Override
                public void heartbeat(long atUs) {}

                @Override
                public boolean suspects(long nowUs) {
                  return false;
                }
              };
            });
    lab.runAll("failover auto detect=5s", "crash n1", "tick 20s");
    assertTrue(made.size() >= 2, () -> "every follower made a detector: " + made);
    assertNull(
        lab.status().leader(),
        () -> "a detector that never suspects means no election\n" + context(lab));
  }

  @Test
  void monitorWithTheEnginesDetectorFailsOverForComparison() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("failover auto detect=2s monitor=on", "crash n1", "tick 10s");
    assertTrue(
        events(lab).stream().anyMatch(e -> e.startsWith("monitor: promoting")), () -> context(lab));
    assertNotNull(lab.status().leader());
  }

  // ---------------------------------------------------------------- session guarantees

  /** A read-your-writes memory that forgets every write: the bug an exercise warns about. */
  private static final class Forgetful implements SessionGuarantee {
    final List<String> calls = new ArrayList<>();

    @Override
    public void wrote(long offset) {
      calls.add("wrote " + offset);
    }

    @Override
    public void read(long appliedOffset) {
      calls.add("read " + appliedOffset);
    }

    @Override
    public long minimumOffset() {
      return 0;
    }
  }

  @Test
  void pluggedSessionGuaranteesSeeTheSessionsWritesAndReadsAndSetItsToken() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 apply=20ms");
    List<Forgetful> made = new ArrayList<>();
    cluster(lab)
        .setGuarantees(
            level -> {
              Forgetful guarantee = new Forgetful();
              made.add(guarantee);
              return guarantee;
            });
    lab.run("write x 1 as alice");
    Result.ReadDone read = lab.read("read x from n2 as alice consistency=read-your-writes");
    assertNull(
        read.value(), "the forgetful guarantee asks for nothing, so the follower answers at once");
    assertTrue(read.stale(), () -> context(lab));
    assertFalse(read.text().contains("waits for offset"), read.text());
    assertEquals(
        1, lab.result("check read-your-writes", Result.CheckReport.class).findings().size());
    Forgetful alices =
        made.stream().filter(g -> g.calls.contains("wrote 1")).findFirst().orElseThrow();
    assertEquals(List.of("wrote 1", "read 0"), alices.calls);
  }

  @Test
  void pluggedGuaranteesReachClientsThatAlreadyExist() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 apply=20ms");
    lab.run("client alice consistency=read-your-writes");
    cluster(lab).setGuarantees(level -> new Forgetful());
    lab.run("write x 1 as alice");
    assertEquals(0, cluster(lab).readToken("alice", Consistency.READ_YOUR_WRITES));
    assertTrue(lab.read("read x from n2 as alice").stale(), () -> context(lab));
  }

  // ---------------------------------------------------------------- lag monitor

  @Test
  void pluggedLagMonitorIsWhatLagAndTheLagHistoryReport() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    List<LagMonitor.Inputs> inputs = new ArrayList<>();
    cluster(lab)
        .setLagMonitor(
            in -> {
              inputs.add(in);
              return new LagMonitor.Reading(7, 3_000_000, 9_000_000);
            });
    lab.runAll("write x 1", "settle", "tick 250ms");
    Result.Lag lag = lab.result("lag", Result.Lag.class);
    Result.LagRow n2 = lag.followers().get(0);
    assertEquals(7, n2.appliedLag(), lag.text());
    assertEquals(3_000, n2.lagMs(), 1e-9);
    assertEquals(9_000, n2.replayLagMs(), 1e-9);
    LagMonitor.Inputs last = inputs.get(inputs.size() - 1);
    assertEquals(lab.session().nowUs(), last.nowUs());
    assertEquals(1, last.leaderOffset());
    assertEquals(1, last.appliedOffset());
    assertEquals(-1, last.firstMissingWrittenUs(), "n3 is missing nothing");
    List<LeaderFollower.LagSample> samples = cluster(lab).lagHistory().get("n2");
    assertEquals(
        7,
        samples.get(samples.size() - 1).entries(),
        "the lag history is measured by the plugged monitor");
  }

  @Test
  void standardLagMonitorSeparatesLagFromReplayAge() {
    LagMonitor monitor = new StandardLagMonitor();
    assertEquals(
        new LagMonitor.Reading(0, 0, 60_000_000),
        monitor.measure(new LagMonitor.Inputs(61_000_000, 4, 4, 1_000_000, -1)));
    assertEquals(
        new LagMonitor.Reading(2, 500_000, 900_000),
        monitor.measure(new LagMonitor.Inputs(1_000_000, 6, 4, 100_000, 500_000)));
  }

  // ---------------------------------------------------------------- read router

  @Test
  void pluggedRouterServesPolicyCustomOnly() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    List<String> asked = new ArrayList<>();
    cluster(lab)
        .setCustomRouter(
            (read, replicas) -> {
              asked.add(read.key());
              return "n3";
            });
    lab.runAll("write x 1", "settle");
    assertEquals("n2", lab.read("read x policy=round-robin").node());
    assertEquals(List.of(), asked);
    assertEquals("n3", lab.read("read x policy=custom").node());
    assertEquals(List.of("x"), asked);
  }
}
