package dev.replab.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.StandardCommitRule;
import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.LeaderFollower;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every commit mode of {@code setquorum}, driven through the command language. */
class CommitModeTests {
  /**
   * Followers take 20ms to apply an entry, far longer than a client round trip inside a region (at
   * most 3ms), so whether a read sees a write depends only on the commit mode.
   */
  private static final String SLOW_APPLY = "create leader-follower nodes=3 apply=20ms";

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void asyncWriteIsAckedBeforeFollowersHaveItSoAnImmediateFollowerReadIsStale(long seed) {
    Lab lab = Lab.with(seed, SLOW_APPLY);
    lab.run("setquorum 0");
    Result.WriteDone write = lab.write("write x 1");
    assertEquals("ok", write.outcome());
    assertEquals(List.of(), write.ackedBy(), "an asynchronous leader waits for nobody");
    assertTrue(write.text().contains("asynchronous"), write.text());
    assertTrue(
        write.latencyMs() < 5, "a local round trip, not a replication wait: " + write.latencyMs());
    assertEquals(0, lab.lf().node("n2").appliedOffset(), "n2 has not applied the write yet");

    Result.ReadDone read = lab.read("read x from n2");
    assertTrue(read.stale(), read.text());
    assertNull(read.value());
    assertEquals("1", read.latest());
    assertEquals(1, read.behindEntries());
    assertTrue(read.text().contains("STALE"), read.text());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void syncWriteAckedOnApplyMakesAnImmediateFollowerReadFresh(long seed) {
    Lab lab = Lab.with(seed, SLOW_APPLY);
    lab.run("setquorum all ack=applied");
    Result.WriteDone write = lab.write("write x 1");
    assertEquals("ok", write.outcome());
    assertEquals(List.of("n2", "n3"), write.ackedBy());
    assertTrue(
        write.latencyMs() >= 20,
        "the write waited for the followers to apply: " + write.latencyMs());
    for (String follower : List.of("n2", "n3")) {
      Result.ReadDone read = lab.read("read x from " + follower);
      assertFalse(read.stale(), read.text());
      assertEquals("1", read.value());
    }
  }

  @Test
  void syncWriteAckedOnReceiptDoesNotWaitForApply() {
    Lab lab = Lab.with(1, SLOW_APPLY);
    lab.run("setquorum all ack=received");
    Result.WriteDone write = lab.write("write x 1");
    assertEquals(List.of("n2", "n3"), write.ackedBy());
    assertTrue(
        write.latencyMs() < 10, "receipt is quicker than the 20ms apply: " + write.latencyMs());
    assertEquals(1, lab.lf().node("n2").receivedOffset());
  }

  @Test
  void firstWaitsForTheSlowStandbyThatIsHighOnThePriorityList() {
    Lab lab = Lab.with(1, "create leader-follower nodes=4");
    lab.runAll("link n1 n3 latency=const(200ms)", "setquorum 2 first (n2,n3,n4)");
    Result.WriteDone write = lab.write("write y 1");
    assertEquals("ok", write.outcome());
    assertTrue(write.latencyMs() >= 400, "200ms to n3 and 200ms back: " + write.latencyMs());
    assertTrue(write.latencyMs() < 450, "and not much more: " + write.latencyMs());
    assertTrue(write.ackedBy().containsAll(List.of("n2", "n3")), write.ackedBy().toString());
  }

  @Test
  void anyCompletesWithTheFastestFollowersAndSkipsTheSlowOne() {
    Lab lab = Lab.with(1, "create leader-follower nodes=4");
    lab.runAll("link n1 n3 latency=const(200ms)", "setquorum 2 any (n2,n3,n4)");
    Result.WriteDone write = lab.write("write y 1");
    assertEquals("ok", write.outcome());
    assertTrue(write.latencyMs() < 10, "a few milliseconds: " + write.latencyMs());
    assertEquals(List.of("n2", "n4"), write.ackedBy());
  }

  @Test
  void firstMovesOnToTheNextStandbyOnceAPriorityStandbyIsDisconnected() {
    Lab lab = Lab.with(3, "create leader-follower nodes=4");
    lab.runAll("setquorum 2 first (n2,n3,n4)", "crash n3", "tick 2s");
    Result.WriteDone write = lab.write("write y 1");
    assertTrue(write.latencyMs() < 10, "n4 stands in for the silent n3: " + write.latencyMs());
    assertEquals(List.of("n2", "n4"), write.ackedBy());
    LeaderFollower cluster = lab.lf();
    List<FollowerProgress> followers = cluster.leader().knownFollowers();
    assertFalse(
        followers.stream().filter(f -> f.id().equals("n3")).findFirst().orElseThrow().connected());
    assertEquals(
        List.of("n2", "n4"),
        StandardCommitRule.synchronousStandbys(cluster.policy(), followers).stream()
            .map(FollowerProgress::id)
            .toList());
  }

  @Test
  void semiSyncLeaderCutOffFromEveryFollowerFallsBackAfterItsTimeout() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("setquorum 1 timeout=10s", "write a 0", "partition n1 | n2 n3");
    double before = lab.nowMs();
    Result.WriteDone write = lab.write("write a 1");
    assertEquals("ok", write.outcome());
    assertTrue(write.fellBack(), write.text());
    assertTrue(write.text().contains("fell back"), write.text());
    assertTrue(
        write.latencyMs() >= 10_000 && write.latencyMs() < 10_010,
        "the 10s timeout: " + write.latencyMs());
    assertEquals(10_000, lab.nowMs() - before, 10);
    assertEquals(List.of(), write.ackedBy());

    Result.Status status = lab.status();
    assertTrue(status.mode().startsWith("async"), status.mode());
    assertTrue(status.mode().contains("fell back"), status.mode());

    Result.WriteDone next = lab.write("write a 2");
    assertEquals("ok", next.outcome());
    assertTrue(next.latencyMs() < 5, "an asynchronous leader does not wait: " + next.latencyMs());
  }

  @Test
  void fallenBackLeaderReturnsToSemiSyncOnceFollowersCatchUp() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("setquorum 1 timeout=10s", "partition n1", "write a 1", "write a 2");
    assertTrue(lab.status().mode().startsWith("async"));
    lab.runAll("heal", "tick 2s");
    Result.Status status = lab.status();
    assertTrue(status.mode().startsWith("semi-sync"), status.mode());
    assertFalse(lab.lf().leader().fellBack());
    Result.WriteDone write = lab.write("write a 3");
    assertFalse(write.fellBack());
    assertEquals(
        1, write.ackedBy().size(), "acknowledged by one follower again: " + write.ackedBy());
    String history = lab.run("history").text();
    assertTrue(history.contains("fell back to asynchronous replication"), history);
    assertTrue(history.contains("enough followers caught up"), history);
  }

  @Test
  void syncWriteWithACrashedFollowerAndNoTimeoutLeavesTheClientNotKnowing() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("setquorum all timeout=never", "crash n3");
    Result.WriteDone write = lab.write("write a 1");
    assertEquals("unknown", write.outcome());
    assertEquals(30_000, write.latencyMs(), 1, "the client's 30s timeout, not a commit");
    assertTrue(write.text().contains("may or may not"), write.text());
    assertEquals(1, lab.lf().leader().pendingWrites(), "the leader is still waiting");
    assertTrue(lab.status().mode().startsWith("sync"), "no fallback without a timeout");
  }

  @Test
  void syncWriteCommitsOnceTheCrashedFollowerReturns() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 timeout=2s");
    lab.runAll("setquorum all", "crash n3", "write a 1", "restart n3", "tick 1s");
    assertEquals(0, lab.lf().leader().pendingWrites());
    assertEquals("1", lab.replica("a", "n3").value());
    assertEquals("1", lab.replica("a", "n1").value());
  }

  @Test
  void setquorumDescribesTheModeItSets() {
    Lab lab = Lab.with(1, "create leader-follower nodes=4");
    assertEquals("setquorum 0: async", lab.run("setquorum 0").text());
    assertTrue(
        lab.run("setquorum all")
            .text()
            .startsWith("setquorum all ack=received timeout=never: sync"));
    assertTrue(
        lab.run("setquorum 2 first (n2,n3,n4) timeout=1s")
            .text()
            .startsWith("setquorum 2 first (n2,n3,n4) ack=received timeout=1s: semi-sync"));
    assertTrue(
        lab.run("setquorum 1 any ack=applied")
            .text()
            .startsWith("setquorum 1 any ack=applied timeout=never: semi-sync"));
    assertEquals("1 any ack=applied timeout=never", lab.status().setquorum());
  }

  @Test
  void createCanStartWithASynchronousQuorum() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 apply=20ms quorum=all ack=applied");
    assertEquals("all ack=applied timeout=never", lab.status().setquorum());
    lab.run("write x 1");
    assertFalse(lab.read("read x from n3").stale());
  }

  @Test
  void newSetquorumStartsFromItsOwnRulesAfterAFallback() {
    // A learner's report: the fallback of a setting with a timeout outlived it, and the write
    // under a new synchronous setting claimed to have given up "after -1us".
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("setquorum 1 any timeout=50ms", "partition n1 | n2 n3");
    Result.WriteDone fellBack = lab.write("write x 2");
    assertTrue(fellBack.fellBack(), fellBack.text());
    assertTrue(fellBack.text().contains("gave up waiting after 50ms"), fellBack.text());
    lab.runAll("heal", "setquorum all");
    assertTrue(lab.status().mode().startsWith("sync"), lab.status().mode());
    Result.WriteDone write = lab.write("write x 3");
    assertFalse(write.fellBack(), write.text());
    assertFalse(write.text().contains("gave up"), write.text());
    assertFalse(write.text().contains("-1"), write.text());
    assertEquals(List.of("n2", "n3"), write.ackedBy(), lab.transcript());
  }

  @Test
  void aTimeoutOfAReplacedSettingNeverFires() {
    // Writes waiting under a setting with a timeout keep waiting under a new one without a
    // timeout: the old setting's timer must not make the leader fall back later.
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "setquorum 1 timeout=50ms",
        "partition n1",
        "load ops=3 clients=1 reads=0 wait=off",
        "tick 10ms");
    lab.runAll("setquorum all", "tick 1s");
    Result.Status status = lab.status();
    assertTrue(status.mode().startsWith("sync"), status.mode());
    String history = lab.run("history").text();
    assertFalse(history.contains("fell back"), history);
    lab.runAll("heal", "settle");
    assertFalse(lab.run("history").text().contains("-1us"), lab.transcript());
  }

  @Test
  void relaxingTheSettingReleasesTheWritesThatWaited() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        "setquorum all", "partition n1", "load ops=1 clients=1 reads=0 wait=off", "tick 100ms");
    assertEquals(1, lab.lf().leader().pendingWrites());
    lab.runAll("setquorum 0");
    assertEquals(
        0,
        lab.lf().leader().pendingWrites(),
        "an asynchronous setting commits what it no longer needs to wait for");
  }

  @Test
  void aSlowSynchronousWriteNamesTheAcknowledgementItWaitedFor() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("setquorum all", "link n1 n3 latency=const(200ms)");
    Result.WriteDone slow = lab.write("write x 1");
    assertTrue(
        slow.text().contains("slow because the commit waited for n3's acknowledgement"),
        slow.text());
    lab.run("setquorum 1 any");
    Result.WriteDone quick = lab.write("write x 2");
    assertFalse(quick.text().contains("slow because"), quick.text());
  }
}
