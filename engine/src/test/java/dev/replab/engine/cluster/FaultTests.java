package dev.replab.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crashes, restarts, pauses and manual failover, driven through the command language. */
class FaultTests {

  @Test
  void restartedFollowerRecoversItsLogAndCatchesUp() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 100ms", "crash n2");
    assertEquals(1, lab.node("n2").offset(), "the log survives the crash");
    assertEquals(0, lab.node("n2").applied(), "what was in memory does not");
    lab.runAll("write x 2", "write y 3", "restart n2");
    assertEquals(
        "1", lab.replica("x", "n2").value(), "rebuilt from its own log before catching up");
    lab.run("tick 1s");
    assertEquals("2", lab.replica("x", "n2").value());
    assertEquals("3", lab.replica("y", "n2").value());
    assertEquals(3, lab.node("n2").applied());
    assertEquals(0, lab.node("n2").lag());
  }

  @Test
  void crashedNodeRefusesClientRequestsAtOnce() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "crash n2");
    Result.ReadDone read = lab.read("read x from n2");
    assertEquals("fail", read.outcome());
    assertTrue(read.failure().contains("refused"), read.failure());
    assertTrue(read.latencyMs() < 5, "refused, not timed out: " + read.latencyMs());
  }

  @Test
  void writeToACrashedLeaderFailsDefinitely() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.run("crash n1");
    Result.WriteDone write = lab.write("write x 1");
    assertEquals("n1", write.node(), "writes still go to the last known leader");
    assertEquals(
        "fail", write.outcome(), "a refused connection means the write surely did not happen");
    assertEquals(Outcome.FAIL, lab.session().cluster().history().operations().get(0).outcome());
  }

  @Test
  void followerRefusesWritesAndNamesTheLeader() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    Result.WriteDone write = lab.write("write x 1 via n2");
    assertEquals("fail", write.outcome());
    assertTrue(write.failure().contains("the leader is n1"), write.failure());
  }

  @Test
  void pausedFollowerFallsBehindAndCatchesUpAfterItResumes() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 100ms", "pause n3", "write x 2", "tick 1s");
    Result.NodeRow paused = lab.node("n3");
    assertEquals("paused", paused.state());
    assertEquals(1, paused.offset(), "a paused node takes in nothing");
    assertEquals(1, paused.lag());
    assertEquals("1", lab.replica("x", "n3").value());
    assertEquals(2, lab.node("n2").applied(), "the other follower is unaffected");
    Result.Lag lag = lab.result("lag", Result.Lag.class);
    assertEquals(
        1,
        lag.followers().stream()
            .filter(r -> r.id().equals("n3"))
            .findFirst()
            .orElseThrow()
            .receivedLag());

    lab.runAll("resume n3", "tick 500ms");
    assertEquals("up", lab.node("n3").state());
    assertEquals("2", lab.replica("x", "n3").value());
    assertEquals(0, lab.node("n3").lag());
  }

  @Test
  void readFromAPausedNodeGetsNoAnswerBeforeTheClientGivesUp() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 timeout=2s");
    lab.runAll("write x 1", "pause n2");
    Result.ReadDone read = lab.read("read x from n2");
    assertEquals("fail", read.outcome());
    assertEquals(2_000, read.latencyMs(), 1);
  }

  @Test
  void promoteAfterPartitioningTheLeaderAwayStartsEpochTwo() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 100ms", "partition n1");
    String text = lab.run("promote n2").text();
    assertTrue(text.contains("n2 is now the leader of epoch 2"), text);
    Result.Status status = lab.status();
    assertEquals("n2", status.leader());
    assertEquals(2, lab.node("n2").epoch());
    assertEquals("leader", lab.node("n2").role());

    Result.WriteDone write = lab.write("write x 2");
    assertEquals("n2", write.node(), "writes follow the new leader");
    assertEquals(2, write.epoch());
    lab.run("tick 1s");
    assertEquals("n2", lab.node("n3").leader(), "n3 follows the new leader");
    assertEquals(2, lab.node("n3").epoch());
    assertEquals("2", lab.replica("x", "n3").value());
  }

  @Test
  void writesTheOldLeaderAcceptedDuringThePartitionAreLostWhenItRejoins() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 100ms", "partition n1");
    Result.WriteDone beforePromote = lab.write("write x 2");
    assertEquals(
        "ok", beforePromote.outcome(), "asynchronous: the isolated leader acknowledges at once");
    lab.run("promote n2");
    Result.WriteDone zombie = lab.write("write y 9 via n1");
    assertEquals("ok", zombie.outcome(), "n1 has not heard of epoch 2 and still accepts writes");
    lab.runAll("write x 3", "heal", "tick 1s");

    assertEquals("follower", lab.node("n1").role());
    assertEquals(2, lab.node("n1").epoch());
    assertEquals("3", lab.replica("x", "n1").value());
    assertNull(lab.replica("y", "n1").value(), "the zombie write is gone from n1 too");

    List<Operation> ops = lab.session().cluster().history().operations();
    Operation lostX = ops.get(1);
    Operation lostY = ops.get(2);
    assertEquals("2", lostX.written());
    assertEquals("9", lostY.written());
    assertNotNull(lostX.lost(), "acknowledged write x=2 was discarded");
    assertNotNull(lostY.lost(), "acknowledged write y=9 was discarded");
    assertTrue(lostX.lost().contains("it had been acknowledged"), lostX.lost());
    assertNull(ops.get(0).lost(), "x=1 reached n2 before the partition");
    assertNull(ops.get(3).lost(), "x=3 was written by the new leader");

    Result.HistoryListing history = lab.history();
    assertEquals(2, history.operations().stream().filter(op -> op.lost() != null).count());
    assertTrue(history.text().contains("LOST"), history.text());
    assertTrue(history.text().contains("n1 discarded 2 entries"), history.text());

    Result.CheckReport check = lab.result("check lost-writes", Result.CheckReport.class);
    assertEquals("anomalies", check.verdict());
    assertEquals(
        List.of(2L, 3L), check.findings().stream().flatMap(f -> f.ops().stream()).toList());
  }

  @Test
  void settleWaitsForFollowersToCatchUpAndNoLonger() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "crash n3", "write x 2", "write x 3", "restart n3");
    double before = lab.nowMs();
    Result.TimeMoved settled = lab.result("settle", Result.TimeMoved.class);
    assertTrue(settled.settled(), settled.text());
    assertTrue(
        lab.nowMs() - before < 200,
        "a few heartbeats at most, not the client's 30s timeout: " + (lab.nowMs() - before));
    assertEquals("3", lab.replica("x", "n3").value());
    assertEquals(0, lab.node("n3").lag());
  }

  @Test
  void tickAdvancesExactlyTheGivenTime() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.run("write x 1");
    long before = lab.session().nowUs();
    Result.TimeMoved moved = lab.result("tick 250ms", Result.TimeMoved.class);
    assertEquals(before + 250_000, lab.session().nowUs());
    assertEquals(250, moved.advancedMs(), 1e-9);
  }

  @Test
  void promoteWarnsAboutEntriesTheNewLeaderNeverReceived() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 100ms", "partition n1", "write x 2", "write x 3");
    String text = lab.run("promote n2").text();
    assertTrue(text.contains("n1 had 2 entries that n2 never received"), text);
  }

  @Test
  void crashedOldLeaderRestartsAndFollowsTheNewOne() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "write x 1", "tick 100ms", "crash n1", "promote n2", "write x 2", "restart n1", "tick 1s");
    assertEquals("follower", lab.node("n1").role());
    assertEquals("n2", lab.node("n1").leader());
    assertEquals("2", lab.replica("x", "n1").value());
    assertEquals("n2", lab.status().leader());
  }

  @Test
  void pausedLeaderResumesAsAZombieAndStepsDown() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "write x 1",
        "tick 100ms",
        "pause n1",
        "promote n2",
        "write x 2",
        "tick 500ms",
        "resume n1",
        "tick 1s");
    assertEquals("follower", lab.node("n1").role());
    assertEquals(2, lab.node("n1").epoch());
    assertEquals("2", lab.replica("x", "n1").value());
  }

  @Test
  void crashedNodeShowsNothingInMemoryButKeepsItsLog() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 100ms", "crash n3");
    Result.Inspection inspection = lab.inspect("x");
    Result.Replica n3 = inspection.replicas().get(2);
    assertNull(n3.value());
    assertTrue(n3.stale());
    assertTrue(inspection.text().contains("crashed"), inspection.text());
    Result.LogListing log = lab.result("log n3", Result.LogListing.class);
    assertEquals(1, log.offset());
    assertEquals("x", log.entries().get(0).key());
  }

  @Test
  void deleteReplicatesLikeAWrite() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "delete x", "tick 100ms");
    Result.ReadDone read = lab.read("read x from n3");
    assertNull(read.value());
    assertEquals(2, read.version());
    assertTrue(lab.inspect("x").text().contains("newest committed delete at offset 2"));
  }
}
