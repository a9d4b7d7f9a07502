package dev.replab.engine.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.Message;
import dev.replab.engine.leaderfollower.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Automatic failover through the command language: detection, election or a monitor, the new epoch,
 * fencing, STONITH and how clients find the new leader.
 */
class AutomaticFailoverTests {

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  private static List<String> activeLeaders(Lab lab) {
    return lab.lf().nodes().stream().filter(Node::isActiveLeader).map(Node::id).toList();
  }

  private static List<String> events(Lab lab) {
    return lab.history().events().stream().map(Result.EventRow::event).toList();
  }

  private static boolean anyEvent(Lab lab, String text) {
    return events(lab).stream().anyMatch(e -> e.contains(text));
  }

  /** Seeds 1 to 6, each with either follower lagging behind the other. */
  static Stream<Arguments> laggingFollowers() {
    return Stream.of(1L, 2L, 3L, 4L, 5L, 6L)
        .flatMap(seed -> Stream.of(Arguments.of(seed, "n3", "n2"), Arguments.of(seed, "n2", "n3")));
  }

  /**
   * The leader writes x twice and crashes 10ms later: the follower on a slow link has not received
   * either write, and the crash destroys what was still on its way to it.
   */
  private static Lab crashWithOneFollowerBehind(long seed, String lagging, String failover) {
    Lab lab = Lab.with(seed, "create leader-follower nodes=3");
    lab.runAll(
        failover,
        "link n1 " + lagging + " latency=const(50ms)",
        "write x 1",
        "write x 2",
        "tick 10ms",
        "crash n1",
        "tick 5s");
    return lab;
  }

  // ---------------------------------------------------------------- election

  @ParameterizedTest(name = "seed {0}: {1} lags, {2} must win")
  @MethodSource("laggingFollowers")
  void electionPromotesTheFollowerWithTheLongestLogInANewEpoch(
      long seed, String lagging, String upToDate) {
    Lab lab = crashWithOneFollowerBehind(seed, lagging, "failover auto detect=1s");
    assertEquals(List.of(upToDate), activeLeaders(lab), () -> context(lab));
    Result.Status status = lab.status();
    assertEquals(upToDate, status.leader());
    int epoch = lab.node(upToDate).epoch();
    assertTrue(epoch >= 2, "a new epoch: " + epoch);
    assertEquals(upToDate, lab.node(lagging).leader(), () -> context(lab));
    assertEquals(epoch, lab.node(lagging).epoch());
    assertEquals("crashed", lab.node("n1").state());

    Result.WriteDone write = lab.write("write x 3");
    assertEquals("ok", write.outcome(), () -> context(lab));
    assertEquals(upToDate, write.node());
    assertEquals(epoch, write.epoch());
    assertEquals(3, write.version(), "appended after both earlier writes");

    assertTrue(
        anyEvent(lab, "suspects leader n1 (no heartbeat for over 1s) and stands for election"),
        () -> context(lab));
    assertTrue(
        anyEvent(lab, upToDate + " won the election for epoch " + epoch + " with votes from"),
        () -> context(lab));
    assertTrue(status.text().contains("leader " + upToDate), status.text());
    assertEquals(
        "ok",
        lab.result("check lost-writes", Result.CheckReport.class).verdict(),
        () -> "both writes had reached the winner\n" + context(lab));
  }

  @Test
  void theLaggingFollowerCatchesUpFromTheNewLeader() {
    Lab lab = crashWithOneFollowerBehind(1, "n3", "failover auto detect=1s");
    lab.run("settle");
    assertEquals("2", lab.replica("x", "n3").value());
    assertEquals(0, lab.node("n3").lag());
  }

  @Test
  void withoutAutomaticFailoverNobodyTakesOver() {
    Lab lab = crashWithOneFollowerBehind(1, "n3", "failover manual");
    assertEquals(List.of(), activeLeaders(lab));
    assertNull(lab.status().leader());
    assertEquals("fail", lab.write("write x 3").outcome(), "writes still go to the crashed n1");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void restartedOldLeaderLosesItsUnreplicatedWriteAndHistoryMarksItLost(long seed) {
    Lab lab = Lab.with(seed, "create leader-follower nodes=3");
    lab.runAll(
        "failover auto detect=1s",
        "link n1 n2 latency=const(20ms)",
        "link n1 n3 latency=const(20ms)",
        "write x 1",
        "crash n1",
        "tick 5s",
        "write y 2",
        "restart n1",
        "tick 1s");
    assertEquals("follower", lab.node("n1").role(), () -> context(lab));
    Result.OpRow lost = lab.history().operations().get(0);
    assertNotNull(lost.lost(), () -> "x=1 was acknowledged and discarded\n" + context(lab));
    assertTrue(
        lost.lost().contains("discarded by n1")
            && lost.lost().contains("(it had been acknowledged)"),
        lost.lost());
    assertTrue(lab.history().text().contains("n1 discarded 1 entry"), lab.history().text());
    assertEquals(
        List.of(1L),
        lab.result("check lost-writes", Result.CheckReport.class).findings().get(0).ops());
  }

  // ---------------------------------------------------------------- votes

  /** A stand-in candidate: an endpoint on the network that asks for votes and keeps the answers. */
  private static final class Candidate {
    final List<Message.Vote> votes = new ArrayList<>();
    final String id;

    Candidate(Cluster cluster, String id) {
      this.id = id;
      cluster
          .network()
          .registerClient(
              id,
              cluster.spec().regions().get(0),
              (source, message) -> {
                if (message instanceof Message.Vote vote) {
                  votes.add(vote);
                }
              });
    }

    Message.Vote ask(Lab lab, String voter, int epoch, int lastEpoch, long lastOffset) {
      lab.session()
          .cluster()
          .network()
          .send(id, voter, new Message.RequestVote(epoch, id, lastEpoch, lastOffset));
      int before = votes.size();
      lab.run("tick 10ms");
      assertEquals(before + 1, votes.size(), () -> voter + " answered\n" + context(lab));
      return votes.get(votes.size() - 1);
    }
  }

  /** n2 holds offsets 1 and 2, n3 holds nothing, n1 crashed long ago and failover is manual. */
  private static Lab leaderlessWithUnevenLogs() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "link n1 n3 latency=const(50ms)",
        "write x 1",
        "write x 2",
        "tick 10ms",
        "crash n1",
        "tick 2s");
    assertEquals(2, lab.node("n2").offset());
    assertEquals(0, lab.node("n3").offset());
    return lab;
  }

  @Test
  void aCandidateWithAShorterLogIsRefusedAndTheRefusalSaysWhy() {
    Lab lab = leaderlessWithUnevenLogs();
    Candidate behind = new Candidate(lab.session().cluster(), "c1");
    Message.Vote vote = behind.ask(lab, "n2", 2, 1, 0);
    assertFalse(vote.granted(), () -> context(lab));
    assertEquals(
        "the candidate's log ends at (epoch 1, offset 0), behind its own at (epoch 1, offset 2)",
        vote.reason());
    assertTrue(
        behind.ask(lab, "n3", 2, 1, 0).granted(), "n3's log is no longer than the candidate's");
  }

  @Test
  void aVoterGrantsOneVotePerEpoch() {
    Lab lab = leaderlessWithUnevenLogs();
    Cluster cluster = lab.session().cluster();
    Candidate first = new Candidate(cluster, "c1");
    Candidate second = new Candidate(cluster, "c2");
    assertTrue(first.ask(lab, "n2", 5, 1, 2).granted(), () -> context(lab));
    Message.Vote soon = second.ask(lab, "n2", 5, 1, 9);
    assertFalse(
        soon.granted(), "a vote counts as a sign of life, so n2 holds back for a detection period");
    // Once the detection period has passed, the only reason left to refuse c2 is the vote n2 cast
    // in epoch 5.
    lab.run("tick 1100ms");
    Message.Vote refused = second.ask(lab, "n2", 5, 1, 9);
    assertFalse(refused.granted());
    assertEquals("it already voted for c1 in epoch 5", refused.reason());
    assertTrue(second.ask(lab, "n2", 6, 1, 9).granted(), "a new epoch, a new vote");
    Message.Vote stale = first.ask(lab, "n2", 5, 1, 2);
    assertFalse(stale.granted());
    assertEquals("epoch 5 is older than its own epoch 6", stale.reason());
  }

  @Test
  void aFollowerThatStillHearsFromItsLeaderRefusesToVote() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 500ms");
    Message.Vote vote = new Candidate(lab.session().cluster(), "c1").ask(lab, "n2", 2, 1, 1);
    assertFalse(vote.granted());
    assertEquals("it still hears from leader n1", vote.reason());
    assertEquals(List.of("n1"), activeLeaders(lab));
  }

  // ---------------------------------------------------------------- fencing

  @Test
  void fencedZombieLeaderStepsDownAndHistorySaysWhichEpochsMet() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "failover auto detect=1s fencing=on",
        "write x 1",
        "tick 100ms",
        "pause n1",
        "tick 5s",
        "resume n1");
    assertEquals(2, activeLeaders(lab).size(), "n1 wakes up still believing it leads epoch 1");
    Result.WriteDone zombie = lab.write("write z 9 via n1");
    assertEquals("fail", zombie.outcome());
    assertEquals(
        "storage refused the write: n1 leads epoch 1 but storage has already seen epoch 2 (fencing token too old)",
        zombie.failure());
    assertTrue(anyEvent(lab, "n1 was fenced off by storage (epoch 1 < 2)"), () -> context(lab));
    assertEquals("follower", lab.node("n1").role());
    assertEquals(1, activeLeaders(lab).size());
    assertEquals("ok", lab.write("write y 2").outcome());
  }

  // ---------------------------------------------------------------- monitor and STONITH

  @ParameterizedTest(name = "seed {0}: {1} lags, {2} must be promoted")
  @MethodSource("laggingFollowers")
  void monitorPromotesTheMostUpToDateFollower(long seed, String lagging, String upToDate) {
    Lab lab = crashWithOneFollowerBehind(seed, lagging, "failover auto detect=1s monitor=on");
    assertEquals(List.of(upToDate), activeLeaders(lab), () -> context(lab));
    assertEquals(2, lab.node(upToDate).epoch(), "the monitor promotes straight into epoch 2");
    assertTrue(anyEvent(lab, "monitor: no answer from leader n1 for over 1s"), () -> context(lab));
    assertTrue(
        anyEvent(
            lab,
            "monitor: promoting "
                + upToDate
                + " (log ends at epoch 1, offset 2, the most up to date of n2, n3) to lead epoch 2"),
        () -> context(lab));
    assertFalse(anyEvent(lab, "stands for election"), "with a monitor the followers do not elect");
    Result.WriteDone write = lab.write("write x 3");
    assertEquals("ok", write.outcome());
    assertEquals(upToDate, write.node());
    lab.run("settle");
    assertEquals(upToDate, lab.node(lagging).leader());
    assertEquals("3", lab.replica("x", lagging).value());
  }

  /**
   * Cuts n1 off from the other nodes and from the monitor. The {@code partition} command only cuts
   * links between nodes, so the monitor's links are cut through the network itself.
   */
  private static Lab isolatedLeaderUnderAMonitor(String stonith) {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "failover auto detect=1s monitor=on stonith=" + stonith,
        "write x 1",
        "tick 100ms",
        "partition n1");
    lab.session().cluster().network().cut("n1", "monitor");
    lab.session().cluster().network().cut("monitor", "n1");
    lab.run("tick 5s");
    return lab;
  }

  @Test
  void stonithPowersOffThePartitionedOldLeaderBeforeTheMonitorPromotes() {
    Lab lab = isolatedLeaderUnderAMonitor("on");
    assertEquals("crashed", lab.node("n1").state(), () -> context(lab));
    assertEquals(1, activeLeaders(lab).size(), () -> context(lab));
    List<String> events = events(lab);
    int stonith = events.indexOf("STONITH: monitor powered off n1 before a new leader took over");
    int promote =
        events.stream()
            .filter(e -> e.startsWith("monitor: promoting"))
            .findFirst()
            .map(events::indexOf)
            .orElse(-1);
    assertTrue(
        stonith >= 0 && promote > stonith, () -> "power off first, then promote\n" + context(lab));
    Result.WriteDone zombie = lab.write("write z 9 via n1");
    assertEquals("fail", zombie.outcome());
    assertTrue(zombie.failure().contains("refused: it has crashed"), zombie.failure());
  }

  @Test
  void withoutStonithThePartitionedOldLeaderStaysUpAndStillLeads() {
    Lab lab = isolatedLeaderUnderAMonitor("off");
    assertEquals("up", lab.node("n1").state());
    assertEquals(2, activeLeaders(lab).size(), () -> context(lab));
    assertFalse(anyEvent(lab, "STONITH"));
    assertEquals("ok", lab.write("write z 9 via n1").outcome(), "nothing stops the old leader");
  }

  @Test
  void electedLeaderPowersOffThePartitionedOldLeaderWithStonith() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "failover auto detect=1s stonith=on", "write x 1", "tick 100ms", "partition n1", "tick 5s");
    String winner = lab.status().leader();
    assertNotEquals("n1", winner, () -> context(lab));
    assertEquals("crashed", lab.node("n1").state());
    assertTrue(
        anyEvent(lab, "STONITH: " + winner + " powered off n1 before a new leader took over"),
        () -> context(lab));
    assertEquals(List.of(winner), activeLeaders(lab));
  }

  // ---------------------------------------------------------------- client redirection

  @Test
  void dnsClientsKeepWritingToTheOldLeaderUntilTheirCachedRecordExpires() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("failover auto detect=1s redirect=dns ttl=5s", "write x 1", "crash n1", "tick 2s");
    String leader = lab.status().leader();
    assertNotEquals("n1", leader, () -> "the election is over by 2s\n" + context(lab));
    assertTrue(anyEvent(lab, "DNS now names " + leader + " as the leader"), () -> context(lab));

    Result.WriteDone cached = lab.write("write x 2");
    assertEquals("n1", cached.node(), "the record cached at t=0 still names n1");
    assertEquals("fail", cached.outcome());
    lab.run("tick 2s");
    assertEquals("n1", lab.write("write x 3").node(), "4s after the lookup");

    lab.run("tick 1s");
    Result.WriteDone fresh = lab.write("write x 4");
    assertEquals(leader, fresh.node(), () -> "the ttl has expired\n" + context(lab));
    assertEquals("ok", fresh.outcome());
  }

  @Test
  void proxyClientsReachTheNewLeaderAsSoonAsItIsElected() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("failover auto detect=1s redirect=proxy", "write x 1", "crash n1", "tick 2s");
    String leader = lab.status().leader();
    Result.WriteDone write = lab.write("write x 2");
    assertEquals(leader, write.node(), () -> context(lab));
    assertEquals("ok", write.outcome());
  }

  @Test
  void monitorSwitchedOffMidFailoverPromotesNobody() {
    Lab lab = Lab.with(7, "create leader-follower nodes=3");
    lab.runAll("failover auto monitor=on", "crash n1");
    for (int i = 0; i < 300 && !lab.run("history").text().contains("asking the other nodes"); i++) {
      lab.run("tick 10ms");
    }
    assertTrue(lab.run("history").text().contains("asking the other nodes"), context(lab));
    lab.runAll("failover manual", "tick 3s");
    assertFalse(lab.run("history").text().contains("monitor: promoting"), context(lab));
    assertEquals(List.of(), activeLeaders(lab), "the crashed n1 stays the only leader");
  }

  @Test
  void statusSaysWhenFollowersStillPointAtACrashedLeaderAndNoLeaderFollowsItself() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("failover auto detect=1s", "write x 1", "crash n1");
    String before = lab.run("status").text();
    assertTrue(before.matches("(?s).*\\nn2 .*  n1 \\(crashed\\)\\n.*"), before);
    assertTrue(before.matches("(?s).*\\nn1 +leader +crashed .*  -\\n.*"), before);
    lab.run("tick 3s");
    String after = lab.run("status").text();
    String leader = lab.status().leader();
    assertTrue(after.matches("(?s).*\\n" + leader + " +leader +up .*  -\\n.*"), after);
    assertFalse(after.contains("(crashed)"), after);
  }
}
