package dev.replab.engine.leaderless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Executed;
import dev.replab.engine.Lab;
import dev.replab.engine.Session;
import dev.replab.engine.command.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leaderless model through the command language: quorums, versions, repairs and hints. */
class LeaderlessTests {
  // With the default ring, key x lives on n2 n1 n5 and key k on n3 n4 n2.

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  private static LeaderlessResults.Inspection inspect(Lab lab, String key) {
    return lab.result("inspect " + key, LeaderlessResults.Inspection.class);
  }

  private static LeaderlessResults.Copy copy(Lab lab, String key, String node) {
    return inspect(lab, key).replicas().stream()
        .filter(c -> c.node().equals(node))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aWriteCompletesOnWAcknowledgementsAndAReadReturnsTheNewest() {
    Lab lab = Lab.with(1, "create leaderless");
    assertEquals(List.of("n2", "n1", "n5"), inspect(lab, "x").preference());
    Result.WriteDone write = lab.write("write x 1 via n3");
    assertEquals("ok", write.outcome());
    assertEquals(2, write.ackedBy().size(), write.text());
    assertTrue(List.of("n2", "n1", "n5").containsAll(write.ackedBy()), write.text());
    lab.run("write x 2 via n4");
    Result.ReadDone read = lab.read("read x via n3");
    assertEquals("2", read.value(), context(lab));
    assertFalse(read.stale());
    LeaderlessResults.Status status = lab.result("status", LeaderlessResults.Status.class);
    assertEquals(List.of(3, 2, 2), List.of(status.n(), status.w(), status.r()));
    assertTrue(status.overlapping());
  }

  @Test
  void withRAndWOfOneAReadCanMissTheLastWrite() {
    Lab lab = Lab.with(1, "create leaderless");
    lab.runAll("setquorum w=1 r=1", "link n2 -> n1 latency=const(100ms)");
    lab.write("write x 1 via n2");
    Result.ReadDone read = lab.read("read x via n1");
    assertTrue(read.stale(), context(lab));
    assertEquals(null, read.value());
    assertTrue(read.text().contains("STALE"), read.text());
    assertEquals(
        1,
        lab.run("check stale-read").result() instanceof Result.CheckReport c
            ? c.findings().size()
            : -1,
        context(lab));
  }

  @Test
  void theSameScheduleWithQuorumsThatOverlapReadsTheWrite() {
    Lab lab = Lab.with(1, "create leaderless");
    lab.runAll("setquorum w=2 r=2", "link n2 -> n1 latency=const(100ms)");
    lab.write("write x 1 via n2");
    Result.ReadDone read = lab.read("read x via n1");
    assertEquals("1", read.value(), context(lab));
    assertFalse(read.stale());
  }

  @Test
  void aWriteShortOfItsQuorumIsUnknownAndALaterReadMayStillReturnIt() {
    Lab lab = Lab.with(1, "create leaderless quorum-timeout=200ms");
    lab.runAll("setquorum w=3 r=1", "crash n1");
    Result.WriteDone write = lab.write("write x 1 via n2");
    assertEquals("unknown", write.outcome(), write.text());
    assertTrue(write.text().contains("only 2 of w=3"), write.text());
    assertEquals("1", lab.read("read x via n5").value(), context(lab));
  }

  @Test
  void readRepairBringsAStaleReplicaUpToDate() {
    Lab lab = Lab.with(1, "create leaderless");
    lab.runAll("crash n1", "write x 2 via n2", "restart n1");
    assertTrue(copy(lab, "x", "n1").stale(), context(lab));
    lab.read("read x via n1");
    lab.run("settle");
    assertFalse(copy(lab, "x", "n1").stale(), context(lab));
    assertEquals(List.of("2"), copy(lab, "x", "n1").values());
  }

  @Test
  void withoutReadRepairTheStaleReplicaStaysStaleUntilAntiEntropy() {
    Lab lab = Lab.with(1, "create leaderless read-repair=off");
    lab.runAll("crash n1");
    for (int i = 0; i < 20; i++) {
      lab.run("write key" + i + " " + i + " via n2");
    }
    lab.runAll("write x 2 via n2", "restart n1", "read x via n1", "settle");
    assertTrue(copy(lab, "x", "n1").stale(), context(lab));
    Result.CheckReport before = lab.result("check divergence", Result.CheckReport.class);
    assertFalse(before.findings().isEmpty(), before.text());
    LeaderlessResults.RepairReport repair =
        lab.result("repair", LeaderlessResults.RepairReport.class);
    assertTrue(repair.keysRepaired() > 0, repair.text());
    assertTrue(repair.keysDiffering() < repair.keysTotal(), repair.text());
    assertFalse(copy(lab, "x", "n1").stale(), context(lab));
    Result.CheckReport after = lab.result("check divergence", Result.CheckReport.class);
    assertTrue(after.findings().isEmpty(), after.text());
  }

  @Test
  void aSloppyQuorumWritesToStandInsWithHintsThatAreHandedBack() {
    Lab lab = Lab.with(1, "create leaderless sloppy=on");
    lab.runAll("write k v1 via n3", "crash n3", "crash n4");
    Result.WriteDone write = lab.write("write k v2 via n2");
    assertEquals("ok", write.outcome(), write.text());
    LeaderlessResults.Hints hints = lab.result("hints", LeaderlessResults.Hints.class);
    assertEquals(2, hints.hints().size(), hints.text());
    lab.runAll("restart n3", "restart n4");
    // Owners back, hints not yet handed off: a quorum of owners can miss the acknowledged write.
    lab.runAll("partition n2 | n1 n3 n4 n5");
    Result.ReadDone stale = lab.read("read k via n3");
    assertTrue(stale.stale(), context(lab));
    assertEquals("v1", stale.value());
    lab.runAll("heal", "tick 2s");
    assertTrue(lab.result("hints", LeaderlessResults.Hints.class).hints().isEmpty(), context(lab));
    assertEquals("v2", lab.read("read k via n4").value(), context(lab));
  }

  @Test
  void concurrentWritesUnderVersionVectorsBecomeSiblingsThatAReaderResolves() {
    Lab lab = Lab.with(1, "create leaderless versions=vector");
    lab.runAll("write cart milk as alice", "write cart eggs as bob");
    Result.ReadDone read = lab.read("read cart as carol");
    assertEquals(List.of("milk", "eggs"), read.siblings(), read.text());
    lab.run("write cart milk+eggs as carol");
    Result.ReadDone merged = lab.read("read cart as dave");
    assertEquals("milk+eggs", merged.value(), merged.text());
    assertEquals(List.of(), merged.siblings());
  }

  @Test
  void aWriteSupersedesOnlyTheVersionsItsClientSaw() {
    Lab lab = Lab.with(1, "create leaderless versions=vector");
    lab.runAll("write cart milk as alice", "read cart as alice", "write cart eggs as bob");
    lab.run("write cart milk,flour as alice");
    Result.ReadDone read = lab.read("read cart as carol");
    assertEquals(List.of("eggs", "milk,flour"), read.siblings(), read.text());
  }

  @Test
  void lastWriteWinsTrustsClocksSoASlowClockLosesALaterWrite() {
    Lab lab = Lab.with(1, "create leaderless");
    lab.runAll("skew n1 -50ms", "write x first via n2", "write x second via n1");
    Result.ReadDone read = lab.read("read x via n5");
    assertEquals("first", read.value(), context(lab));
  }

  @Test
  void anExplicitTimestampDecidesAndADeleteWinsATie() {
    Lab lab = Lab.with(1, "create leaderless");
    lab.runAll("write x a ts=1000", "write x b ts=900");
    assertEquals("a", lab.read("read x").value());
    lab.runAll("delete x ts=1000");
    assertEquals(null, lab.read("read x").value());
    Executed rejected = Lab.with(1, "create leader-follower").reject("write x 1 ts=5");
    assertTrue(rejected.error().contains("ts="), rejected.error());
  }

  @Test
  void aCommandOfAnotherModelSaysWhoseItIs() {
    Lab lf = Lab.with(1, "create leader-follower");
    Executed quorum = lf.reject("setquorum w=2 r=2");
    assertTrue(quorum.error().contains("leaderless"), quorum.error());
    assertTrue(quorum.text().contains("setquorum 0|all|<k>"), quorum.text());
    Lab ll = Lab.with(1, "create leaderless");
    Executed promote = ll.reject("promote n2");
    assertTrue(promote.error().contains("leader-follower"), promote.error());
    Executed lfSyntax = ll.reject("setquorum 2");
    assertTrue(lfSyntax.error().contains("w="), lfSyntax.error());
    Executed repair = lf.reject("repair");
    assertTrue(repair.error().contains("leaderless"), repair.error());
  }

  @Test
  void theSameSeedAndCommandsPrintTheSame() {
    String script =
        "create leaderless sloppy=on anti-entropy=500ms; load ops=300 clients=4;"
            + " crash n2; load ops=200 clients=4; restart n2; tick 3s; status; check";
    String first = run(script);
    String second = run(script);
    assertEquals(first, second, "a second run of the same script printed differently");
  }

  private static String run(String script) {
    StringBuilder out = new StringBuilder();
    for (Executed executed : new Session(5).execute(script)) {
      out.append(executed.text()).append('\n');
    }
    return out.toString();
  }

  @Test
  void operationsJoinedByAnAmpersandStartAtOneInstantOrAfterTheirDelay() {
    Lab lab = Lab.with(1, "create leaderless");
    Result.Together together =
        lab.result(
            "write x a as alice & write x b as bob & read x as carol after=5ms",
            Result.Together.class);
    assertEquals(3, together.results().size());
    List<dev.replab.engine.history.Operation> ops = lab.session().cluster().history().operations();
    assertEquals(ops.get(0).invokeUs(), ops.get(1).invokeUs(), context(lab));
    assertEquals(ops.get(0).invokeUs() + 5_000, ops.get(2).invokeUs(), context(lab));
    Executed mixed = lab.reject("write x c & crash n1");
    assertTrue(mixed.error().contains("only client operations"), mixed.error());
    Executed empty = lab.reject("write x c &");
    assertTrue(empty.error().contains("both sides"), empty.error());
  }

  @Test
  void quorumsThatOverlapStillLetTwoReadsDisagreeWhileAWriteIsInFlight() {
    Lab lab = Lab.with(1, "create leaderless read-repair=off");
    lab.runAll(
        "link n3 -> n1 latency=const(200ms)",
        "link n3 -> n5 latency=const(200ms)",
        "link n2 -> n1 latency=const(200ms)");
    Result.Together together =
        lab.result(
            "write x 1 via n3 & read x via n2 as alice after=5ms & read x via n1 as bob after=20ms",
            Result.Together.class);
    Result.ReadDone alice = (Result.ReadDone) together.results().get(1);
    Result.ReadDone bob = (Result.ReadDone) together.results().get(2);
    assertEquals("1", alice.value(), context(lab));
    assertEquals(null, bob.value(), context(lab));
    List<dev.replab.engine.history.Operation> ops = lab.session().cluster().history().operations();
    assertTrue(ops.get(1).completeUs() < ops.get(2).invokeUs(), "alice finished before bob began");
    Result.Explanation why = lab.result("why 3", Result.Explanation.class);
    assertTrue(why.text().contains("asked n2 n1 n5"), why.text());
    assertTrue(why.text().contains("read repair is off"), why.text());
  }
}
