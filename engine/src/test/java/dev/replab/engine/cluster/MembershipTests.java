package dev.replab.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Executed;
import dev.replab.engine.Lab;
import dev.replab.engine.command.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code add follower} and {@code remove}: growing and shrinking a running cluster. */
class MembershipTests {

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  private static List<String> nodeIds(Lab lab) {
    return lab.status().nodes().stream().map(Result.NodeRow::id).toList();
  }

  @Test
  void addedFollowerStartsEmptyAndCopiesTheLeadersWholeLog() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "write y 2", "delete x", "write z 3");
    String text = lab.run("add follower").text();
    assertEquals(
        "n4 joined as a follower in dc1; it copies the leader's log (4 entries) before it is current",
        text);
    assertEquals(0, lab.node("n4").offset(), "nothing copied yet");

    lab.run("settle");
    Result.LogListing leader = lab.result("log n1", Result.LogListing.class);
    Result.LogListing copy = lab.result("log n4", Result.LogListing.class);
    assertEquals(4, copy.offset(), () -> context(lab));
    assertEquals(4, copy.applied());
    assertEquals(
        leader.entries().stream()
            .map(e -> e.offset() + "/" + e.epoch() + "/" + e.key() + "=" + e.value())
            .toList(),
        copy.entries().stream()
            .map(e -> e.offset() + "/" + e.epoch() + "/" + e.key() + "=" + e.value())
            .toList());
    assertEquals("2", lab.replica("y", "n4").value());
    assertEquals("3", lab.replica("z", "n4").value());
    assertNull(lab.replica("x", "n4").value(), "the delete was copied too");
    assertEquals(3, lab.replica("x", "n4").version());
    Result.NodeRow row = lab.node("n4");
    assertEquals("follower", row.role());
    assertEquals("n1", row.leader());
    assertEquals(0, row.lag());
    assertTrue(
        lab.history().events().stream()
            .anyMatch(
                e ->
                    e.event()
                        .equals(
                            "n4 added as a follower in dc1; it copies the leader's log from the start")));
  }

  @Test
  void addedFollowerReceivesLaterWritesAndServesReads() {
    Lab lab = Lab.with(1, "create leader-follower nodes=2 regions=eu,us,ap");
    lab.runAll("write x 1", "add follower region=ap", "settle", "write x 2", "settle");
    assertEquals("ap", lab.node("n3").region());
    Result.ReadDone read = lab.read("read x from n3");
    assertEquals("2", read.value(), () -> context(lab));
    assertFalse(read.stale());
    assertEquals(
        "n3", lab.read("read x as ann@ap policy=nearest").node(), "reads in ap may now stay in ap");
  }

  @Test
  void synchronousCommitWaitsForTheAddedFollowerToo() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "setquorum all", "add follower", "settle");
    Result.WriteDone write = lab.write("write x 2");
    assertEquals("ok", write.outcome());
    assertEquals(List.of("n2", "n3", "n4"), write.ackedBy(), () -> context(lab));
  }

  @Test
  void removedFollowerLeavesTheClusterAndTheRestCarriesOn() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle");
    assertEquals("n3 left the cluster; nodes are now n1 n2", lab.run("remove n3").text());
    assertEquals(List.of("n1", "n2"), nodeIds(lab));
    assertEquals(List.of("n1", "n2"), lab.session().cluster().nodeIds());
    assertTrue(lab.reject("read x from n3").error().contains("no node 'n3'"), () -> context(lab));

    lab.run("setquorum all");
    Result.WriteDone write = lab.write("write x 2");
    assertEquals("ok", write.outcome(), "a synchronous commit no longer waits for n3");
    assertEquals(List.of("n2"), write.ackedBy());
    assertEquals(
        List.of("n2", "n2"),
        List.of(
            lab.read("read x policy=round-robin").node(),
            lab.read("read x policy=round-robin").node()));
    assertTrue(
        lab.history().events().stream()
            .anyMatch(e -> e.event().equals("n3 removed from the cluster")));
  }

  @Test
  void removingTheLeaderIsRejectedAndChangesNothing() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.run("write x 1");
    String status = lab.status().text();
    Executed rejected = lab.reject("remove n1");
    assertTrue(
        rejected.error().startsWith("n1 is the leader and cannot be removed"), rejected.error());
    assertTrue(rejected.text().contains("promote another node first"), rejected.text());
    assertEquals(List.of("n1", "n2", "n3"), nodeIds(lab));
    assertEquals(status, lab.status().text());
  }

  @Test
  void theNewLeaderCanBeRemovedOnlyAfterAnotherPromotion() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle", "promote n2", "tick 500ms");
    lab.reject("remove n2");
    lab.run("remove n1");
    assertEquals(List.of("n2", "n3"), nodeIds(lab));
    assertEquals("ok", lab.write("write x 2").outcome());
  }
}
