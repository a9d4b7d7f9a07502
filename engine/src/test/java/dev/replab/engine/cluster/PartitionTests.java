package dev.replab.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.command.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partitions, slow links and regions, driven through the command language. */
class PartitionTests {

  private static FollowerProgress progressOf(Lab lab, String follower) {
    return lab.lf().leader().knownFollowers().stream()
        .filter(f -> f.id().equals(follower))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void oneWayPartitionFromTheLeaderStopsReplicationToThatFollowerOnly() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 100ms");
    String text = lab.run("partition n1 -> n2").text();
    assertTrue(text.contains("the other direction still works"), text);
    lab.runAll("write x 2", "tick 1s");
    assertEquals("1", lab.replica("x", "n2").value());
    assertEquals("2", lab.replica("x", "n3").value());
    assertEquals(List.of("n1->n2"), lab.status().partitions());
  }

  @Test
  void oneWayPartitionToTheLeaderLetsEntriesInButNoAcknowledgementsOut() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("partition n2 -> n1", "write x 1", "tick 1s");
    assertEquals("1", lab.replica("x", "n2").value(), "n2 still receives the stream");
    assertEquals(
        0, progressOf(lab, "n2").receivedOffset(), "but the leader never hears that it did");
    assertEquals(1, progressOf(lab, "n3").receivedOffset());
  }

  @Test
  void symmetricPartitionBetweenTwoGroupsCutsBothDirections() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    String text = lab.run("partition n1 | n2 n3").text();
    assertEquals("partitioned: n1 | n2 n3 (no messages cross, in either direction)", text);
    assertEquals(List.of("n1->n2", "n1->n3", "n2->n1", "n3->n1"), lab.status().partitions());
    lab.runAll("write x 1", "tick 1s");
    assertNull(lab.replica("x", "n2").value());
    assertNull(lab.replica("x", "n3").value());
  }

  @Test
  void partitionSidesMayBeWrittenWithCommas() {
    Lab lab = Lab.with(1, "create leader-follower nodes=4");
    lab.run("partition n1,n2 | n3,n4");
    assertEquals(
        List.of("n1->n3", "n1->n4", "n2->n3", "n2->n4", "n3->n1", "n3->n2", "n4->n1", "n4->n2"),
        lab.status().partitions());
  }

  @Test
  void partitioningOneNodeCutsItOffBothWays() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    String text = lab.run("partition n3").text();
    assertTrue(text.contains("n3 | n1 n2"), text);
    assertEquals(List.of("n1->n3", "n2->n3", "n3->n1", "n3->n2"), lab.status().partitions());
    lab.runAll("write x 1", "tick 1s");
    assertNull(lab.replica("x", "n3").value());
    assertEquals("1", lab.replica("x", "n2").value());
  }

  @Test
  void partitionBetweenTwoGroupsNamedBySpacesCutsEveryCrossingLink() {
    Lab lab = Lab.with(1, "create leader-follower nodes=4");
    lab.run("partition n1 n2");
    assertEquals(
        List.of("n1->n3", "n1->n4", "n2->n3", "n2->n4", "n3->n1", "n3->n2", "n4->n1", "n4->n2"),
        lab.status().partitions());
    lab.runAll("write x 1", "tick 1s");
    assertEquals("1", lab.replica("x", "n2").value());
    assertNull(lab.replica("x", "n3").value());
  }

  @Test
  void healRestoresReplicationAndTheFollowerCatchesUp() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("partition n3", "write x 1", "write x 2", "tick 1s");
    assertEquals(2, lab.node("n3").lag());
    lab.runAll("heal", "tick 1s");
    assertEquals(List.of(), lab.status().partitions());
    assertEquals("2", lab.replica("x", "n3").value());
    assertEquals(0, lab.node("n3").lag());
  }

  @Test
  void linkLossOfOneStopsReplicationOverThatLink() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("link n1 n2 loss=1", "write x 1", "tick 1s");
    assertNull(lab.replica("x", "n2").value());
    assertEquals("1", lab.replica("x", "n3").value());
    lab.runAll("link n1 n2 loss=0", "tick 1s");
    assertEquals("1", lab.replica("x", "n2").value(), "heartbeats resend what was lost");
  }

  @Test
  void linkLatencySlowsReplicationAndIsDescribed() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    String text = lab.run("link n1 n2 latency=const(300ms)").text();
    assertEquals("link n1 <-> n2: latency const(300ms) (mean 300ms)", text);
    lab.runAll("write x 1", "tick 250ms");
    assertNull(lab.replica("x", "n2").value());
    assertEquals("1", lab.replica("x", "n3").value());
    lab.run("tick 100ms");
    assertEquals("1", lab.replica("x", "n2").value());
  }

  @Test
  void readFromAnotherRegionPaysTheWanRoundTrip() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 regions=eu,us");
    assertEquals("us", lab.node("n2").region());
    Result.ReadDone far = lab.read("read x from n2");
    // eu to us is 40..44ms one way.
    assertTrue(
        far.latencyMs() >= 80 && far.latencyMs() <= 88.1, "WAN round trip: " + far.latencyMs());
    Result.ReadDone near = lab.read("read x from n3");
    assertTrue(near.latencyMs() <= 3, "same region: " + near.latencyMs());
    Result.ReadDone local = lab.read("read x from n2 as bob@us");
    assertTrue(local.latencyMs() <= 3, "a client in us reads n2 locally: " + local.latencyMs());
  }

  @Test
  void wanOptionSetsTheDelayBetweenAnyTwoRegions() {
    Lab lab = Lab.with(1, "create leader-follower nodes=2 regions=eu,ap wan=10ms");
    Result.ReadDone read = lab.read("read x from n2");
    assertTrue(
        read.latencyMs() >= 20 && read.latencyMs() <= 22.1,
        "10..11ms each way: " + read.latencyMs());
  }
}
