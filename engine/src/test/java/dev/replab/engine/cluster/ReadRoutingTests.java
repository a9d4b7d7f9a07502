package dev.replab.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.api.ReadRouter;
import dev.replab.engine.command.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where reads go when they name no node: every {@code policy=} and a plugged-in router. */
class ReadRoutingTests {

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  /** The nodes that {@code count} runs of {@code line} read from, in order. */
  private static List<String> readNodes(Lab lab, String line, int count) {
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Result.ReadDone read = lab.read(line);
      assertEquals("ok", read.outcome(), () -> context(lab));
      nodes.add(read.node());
    }
    return nodes;
  }

  @Test
  void readsGoToTheLeaderByDefault() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle");
    assertEquals(List.of("n1", "n1", "n1"), readNodes(lab, "read x", 3));
  }

  @Test
  void policyLeaderSendsReadsToTheLeaderEvenWhenTheClusterDefaultIsRoundRobin() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 reads=round-robin");
    lab.runAll("write x 1", "settle");
    assertEquals(List.of("n2", "n3"), readNodes(lab, "read x", 2), "the cluster default");
    assertEquals(List.of("n1", "n1", "n1"), readNodes(lab, "read x policy=leader", 3));
  }

  @Test
  void roundRobinAlternatesBetweenTheFollowersAndNeverAsksTheLeader() {
    Lab lab = Lab.with(1, "create leader-follower nodes=4");
    lab.runAll("write x 1", "settle");
    assertEquals(
        List.of("n2", "n3", "n4", "n2", "n3", "n4"),
        readNodes(lab, "read x policy=round-robin", 6),
        () -> context(lab));
  }

  @Test
  void roundRobinSkipsACrashedFollowerAndFallsBackToTheLeaderWhenNoneIsLeft() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle", "crash n3");
    assertEquals(List.of("n2", "n2", "n2"), readNodes(lab, "read x policy=round-robin", 3));
    lab.run("crash n2");
    assertEquals(List.of("n1", "n1"), readNodes(lab, "read x policy=round-robin", 2));
  }

  @ParameterizedTest(name = "{0} lags, so reads go to {1}")
  @CsvSource({"n3, n2", "n2, n3"})
  void leastLagPicksTheFollowerThatIsLeastBehind(String lagging, String expected) {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("link n1 " + lagging + " latency=const(50ms)", "write x 1", "tick 10ms");
    assertEquals(1, lab.node(lagging).lag(), () -> context(lab));
    for (int i = 0; i < 3; i++) {
      Result.ReadDone read = lab.read("read x policy=least-lag");
      assertEquals(expected, read.node(), () -> context(lab));
      assertEquals("1", read.value());
      assertFalse(read.stale(), read.text());
    }
  }

  @Test
  void nearestReadsFromTheFollowerInTheClientsRegion() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3 regions=eu,us,ap");
    lab.runAll("write x 1", "settle");
    assertEquals("us", lab.node("n2").region());
    assertEquals("ap", lab.node("n3").region());
    Result.ReadDone us = lab.read("read x as alice@us policy=nearest");
    assertEquals("n2", us.node(), () -> context(lab));
    assertTrue(us.latencyMs() < 5, "a read inside the region: " + us.latencyMs());
    Result.ReadDone ap = lab.read("read x as bob@ap policy=nearest");
    assertEquals("n3", ap.node(), () -> context(lab));
    assertTrue(ap.latencyMs() < 5, "a read inside the region: " + ap.latencyMs());
    Result.ReadDone eu = lab.read("read x as carol@eu policy=nearest");
    assertEquals(
        "n2", eu.node(), "the leader is the only eu node; us (40ms away) is nearer than ap (90ms)");
    assertTrue(eu.latencyMs() >= 80, "a round trip to us: " + eu.latencyMs());
  }

  @Test
  void nearestTakesTurnsAmongTheFollowersOfTheClientsRegion() {
    Lab lab = Lab.with(1, "create leader-follower nodes=6 regions=eu,us,ap");
    lab.runAll("write x 1", "settle");
    assertEquals(
        List.of("n2", "n5", "n2", "n5"),
        readNodes(lab, "read x as alice@us policy=nearest", 4),
        () -> context(lab));
    assertEquals(
        Set.of("n3", "n6"), new TreeSet<>(readNodes(lab, "read x as bob@ap policy=nearest", 4)));
    assertEquals(
        List.of("n4", "n4"),
        readNodes(lab, "read x as carol@eu policy=nearest", 2),
        "n1 leads, so n4 is the eu follower");
  }

  @Test
  void stickyKeepsEachClientOnTheFollowerItFirstUsed() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle", "client alice policy=sticky", "client bob policy=sticky");
    List<String> alice = new ArrayList<>();
    List<String> bob = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      alice.add(lab.read("read x as alice").node());
      bob.add(lab.read("read x as bob").node());
    }
    assertEquals(1, Set.copyOf(alice).size(), "alice always reads from one follower: " + alice);
    assertEquals(1, Set.copyOf(bob).size(), "bob always reads from one follower: " + bob);
    assertNotEquals("n1", alice.get(0));
    assertNotEquals("n1", bob.get(0));
    assertNotEquals(alice.get(0), bob.get(0), "new sessions are spread over the followers");
  }

  @Test
  void stickyMovesToAnotherFollowerOnlyWhenItsOwnCrashes() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle");
    String first = lab.read("read x as alice policy=sticky").node();
    lab.run("crash " + first);
    List<String> after = readNodes(lab, "read x as alice policy=sticky", 3);
    assertEquals(1, Set.copyOf(after).size(), after.toString());
    assertNotEquals(first, after.get(0));
    assertNotEquals("n1", after.get(0));
  }

  /** A router that reads from the last node it is shown and remembers what it was asked. */
  private static final class LastNodeRouter implements ReadRouter {
    final List<ReadRequest> requests = new ArrayList<>();
    final List<List<Replica>> views = new ArrayList<>();

    @Override
    public String route(ReadRequest read, List<Replica> replicas) {
      requests.add(read);
      views.add(List.copyOf(replicas));
      return replicas.get(replicas.size() - 1).id();
    }
  }

  @Test
  void customPolicyAsksThePluggedInRouterAndReadsWhereItSays() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    LastNodeRouter router = new LastNodeRouter();
    lab.lf().setCustomRouter(router);
    lab.runAll("write x 1 as alice", "settle");
    Result.ReadDone read = lab.read("read x as alice policy=custom consistency=read-your-writes");
    assertEquals("n3", read.node());
    assertEquals("1", read.value());
    assertEquals(1, router.requests.size());
    assertEquals(
        new ReadRouter.ReadRequest("alice", "dc1", "x", 1),
        router.requests.get(0),
        "alice's token is her write at offset 1");
    List<ReadRouter.Replica> view = router.views.get(0);
    assertEquals(List.of("n1", "n2", "n3"), view.stream().map(ReadRouter.Replica::id).toList());
    assertEquals(
        List.of(true, false, false), view.stream().map(ReadRouter.Replica::leader).toList());
    assertTrue(
        view.stream().allMatch(r -> r.appliedOffset() == 1 && r.lagEntries() == 0),
        view.toString());
  }

  @Test
  void customPolicyOnAClientSessionIsUsedForItsReadsAndForLoad() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    LastNodeRouter router = new LastNodeRouter();
    lab.lf().setCustomRouter(router);
    lab.runAll("write x 1", "settle", "client carol policy=custom");
    assertEquals(List.of("n3", "n3"), readNodes(lab, "read x as carol", 2));
    Result.LoadDone load =
        lab.result("load ops=200 reads=100 policy=custom", Result.LoadDone.class);
    assertEquals(200, load.reads());
    assertEquals(202, router.requests.size(), "two reads by carol and every read of the load");
  }
}
