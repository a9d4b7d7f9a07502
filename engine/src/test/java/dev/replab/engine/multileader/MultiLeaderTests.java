package dev.replab.engine.multileader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.Session;
import dev.replab.engine.command.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-leader through the command language. With the defaults, eu is n1 (follower n2), us is n3
 * (n4) and ap is n5 (n6); eu and us are 40 ms apart, us and ap 60 ms, eu and ap 90 ms.
 */
class MultiLeaderTests {
  /** The lab's multi-leader model, for tests that plug code into it. */
  private static MultiLeader model(Lab lab) {
    return lab.session().cluster().model(MultiLeader.class);
  }

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  private static List<Result.FindingRow> findings(Lab lab, String check) {
    return lab.result(check, Result.CheckReport.class).findings();
  }

  private static MultiLeaderResults.Inspection inspect(Lab lab, String key) {
    return lab.result("inspect " + key, MultiLeaderResults.Inspection.class);
  }

  private static String holds(Lab lab, String key, String node) {
    return inspect(lab, key).copies().stream()
        .filter(c -> c.node().equals(node))
        .findFirst()
        .orElseThrow()
        .holds();
  }

  private static boolean agree(Lab lab, String key) {
    return inspect(lab, key).copies().stream().noneMatch(MultiLeaderResults.Copy::differs);
  }

  @Test
  void aLocalWriteIsAcknowledgedAtOnceAndReachesTheOtherDatacentersLater() {
    Lab lab = Lab.with(1, "create multi-leader");
    Result.WriteDone write = lab.write("write x 1");
    assertEquals("ok", write.outcome());
    assertEquals("n1", write.node());
    assertTrue(write.latencyMs() < 10, context(lab));
    assertNull(lab.read("read x as bob@us").value(), context(lab));
    lab.run("settle");
    assertEquals("1", lab.read("read x as bob@us").value(), context(lab));
    assertEquals("1", lab.read("read x via n6").value(), context(lab));
    assertTrue(agree(lab, "x"), context(lab));
  }

  @Test
  void dcsTakesNamesOrACount() {
    Lab lab = Lab.with(1, "create multi-leader dcs=2 followers=0");
    assertEquals(List.of("eu", "us"), model(lab).dcs());
    lab.run("create multi-leader dcs=sa,af");
    assertEquals(List.of("sa", "af"), model(lab).dcs());
    assertTrue(lab.reject("create multi-leader dcs=9").error().contains("takes 1 to 5 regions"));
  }

  @Test
  void aClientLivesInADatacenterAndWritesToItsLeader() {
    Lab lab = Lab.with(1, "create multi-leader");
    lab.run("client alice dc=us");
    assertEquals("n3", lab.write("write x 1 as alice").node());
    assertTrue(lab.reject("client bob dc=us region=eu").error().contains("give one of them"));
    assertTrue(lab.reject("client carol dc=mars").error().contains("no region 'mars'"));
  }

  @Test
  void wanTakesADelayOrADistributionBetweenDatacenters() {
    Lab constant = Lab.with(1, "create multi-leader wan=const(100ms)");
    double ms = constant.read("read x via n3").latencyMs();
    assertTrue(ms >= 200 && ms < 205, "a round trip eu-us of 2 x 100 ms, took " + ms);
    Lab typical = Lab.with(1, "create multi-leader");
    double usual = typical.read("read x via n3").latencyMs();
    assertTrue(usual > 80 && usual < 95, "eu-us is about 40 ms each way by default, took " + usual);
    assertTrue(typical.reject("create multi-leader wan=exp(oops)").error().contains("oops"));
  }

  @Test
  void aFollowerRefusesWritesAndNamesItsLeader() {
    Lab lab = Lab.with(1, "create multi-leader");
    Result.WriteDone write = lab.write("write x 1 via n2");
    assertEquals("fail", write.outcome(), write.text());
    assertTrue(write.text().contains("leader n1"), write.text());
  }

  @Test
  void lastWriteWinsSilentlyDiscardsOneOfTwoConcurrentWrites() {
    Lab lab = Lab.with(1, "create multi-leader");
    lab.run("write k a & write k b as bob@us");
    lab.run("settle");
    assertTrue(agree(lab, "k"), context(lab));
    MultiLeaderResults.Conflicts conflicts =
        lab.result("conflicts", MultiLeaderResults.Conflicts.class);
    assertEquals(1, conflicts.conflicts().size(), context(lab));
    assertEquals(List.of("a", "b"), conflicts.conflicts().get(0).values());
    List<Result.FindingRow> lost = findings(lab, "check lost-updates");
    assertEquals(1, lost.size(), context(lab));
    assertTrue(lost.get(0).explanation().contains("had never seen it"), lost.get(0).explanation());
  }

  @Test
  void aClockBehindMakesALaterWriteLoseToAnEarlierOne() {
    Lab lab = Lab.with(1, "create multi-leader");
    lab.runAll("write z first as bob@us", "settle", "skew n1 -5s");
    Result.WriteDone second = lab.write("write z second");
    assertEquals("ok", second.outcome(), second.text());
    assertTrue(second.text().contains("LOST: last write wins discarded it"), second.text());
    lab.run("settle");
    assertEquals("first", lab.read("read z").value(), context(lab));
    List<Result.FindingRow> lost = findings(lab, "check lost-updates");
    assertEquals(1, lost.size(), context(lab));
    assertTrue(
        lost.get(0).explanation().contains("a clock behind the other's"),
        lost.get(0).explanation());
  }

  @Test
  void siblingsKeepBothConcurrentWritesUntilAWriteThatSawThemReplacesThem() {
    Lab lab = Lab.with(1, "create multi-leader conflicts=siblings");
    lab.runAll("write k a & write k b as bob@us", "settle");
    Result.ReadDone read = lab.read("read k as ana@ap");
    assertEquals(List.of("a", "b"), read.siblings(), context(lab));
    assertEquals(List.of(), findings(lab, "check lost-updates"), context(lab));
    lab.runAll("write k c", "settle");
    assertEquals("c", lab.read("read k as ana@ap").value(), context(lab));
    assertEquals(List.of(), lab.read("read k as ana@ap").siblings());
  }

  @Test
  void aCustomResolverDecidesAndOneThatThrowsFallsBackToLastWriteWins() {
    Lab lab = Lab.with(1, "create multi-leader conflicts=siblings");
    MultiLeader model = model(lab);
    lab.reject("conflicts custom");
    model.resolveWith((key, values) -> String.join("+", values));
    lab.runAll("conflicts custom", "write k a & write k b as bob@us", "settle");
    assertEquals("a+b", lab.read("read k").value(), context(lab));
    model.resolveWith(
        (key, values) -> {
          throw new IllegalStateException("no idea");
        });
    Result.ReadDone read = lab.read("read k");
    assertEquals("b", read.value(), context(lab));
    assertTrue(read.text().contains("threw IllegalStateException"), read.text());
    model.resolveWith(
        (key, values) -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "too late";
        });
    Result.ReadDone slow = lab.read("read k");
    assertEquals("b", slow.value(), context(lab));
    assertTrue(slow.text().contains("ran past 1000 ms and was switched off"), slow.text());
    assertTrue(lab.read("read k").text().contains("was switched off"), context(lab));
    model.resolveWith((key, values) -> "again");
    assertEquals("again", lab.read("read k").value(), context(lab));
  }

  @Test
  void countersAndSetsMergeConcurrentUpdatesWithoutLosingAny() {
    Lab lab = Lab.with(1, "create multi-leader");
    lab.runAll("type likes counter", "type cart set");
    lab.run("incr likes 2 & incr likes 3 as bob@us & incr likes as ana@ap");
    lab.run("add cart milk & add cart milk as bob@us");
    lab.runAll("settle", "remove cart milk & add cart eggs as ana@ap", "settle");
    assertEquals("6", lab.read("read likes as ana@ap").value(), context(lab));
    assertEquals("{eggs}", lab.read("read cart").value(), context(lab));
    assertTrue(agree(lab, "likes") && agree(lab, "cart"), context(lab));
    lab.runAll("add cart tea", "settle", "remove cart tea as bob@us & add cart tea", "settle");
    assertTrue(lab.read("read cart").value().contains("tea"), context(lab));
  }

  @Test
  void theLanguageRefusesUpdatesAKeyCannotTake() {
    Lab lab = Lab.with(1, "create multi-leader");
    assertTrue(lab.reject("incr likes").error().contains("type likes counter first"));
    lab.run("type likes counter");
    assertTrue(lab.reject("decr likes").error().contains("pn-counter"));
    assertTrue(lab.write("write likes 5").text().contains("change it with incr and decr"));
    lab.run("write name ana");
    assertTrue(lab.reject("type name set").error().contains("already holds data"));
    assertTrue(lab.reject("create multi-leader nodes=4").error().contains("dcs= and followers="));
    assertTrue(lab.reject("create multi-leader dcs=eu").error().contains("two datacenters"));
    assertTrue(lab.reject("create multi-leader topology=ring").error().contains("circular"));
    lab.run("create multi-leader");
    assertTrue(
        lab.reject("sweep replicas=1,2").error().contains("datacenters and their followers"));
  }

  @Test
  void inARingACrashedHopStopsChangesItWouldForwardAndAllToAllRoutesAround() {
    for (String topology : List.of("circular", "all-to-all")) {
      Lab lab = Lab.with(1, "create multi-leader followers=0 topology=" + topology);
      // The ring is eu -> us -> ap -> eu, so eu's changes reach ap through us (n2).
      Result.Message crash = lab.result("crash n2", Result.Message.class);
      lab.runAll("write x 1", "settle");
      String atAp = holds(lab, "x", "n3");
      if (topology.equals("circular")) {
        assertTrue(crash.text().contains("eu->ap go through us"), crash.text());
        assertEquals("(none)", atAp, context(lab));
        lab.runAll("restart n2", "settle");
        assertTrue(holds(lab, "x", "n3").startsWith("1@"), context(lab));
      } else {
        assertTrue(atAp.startsWith("1@"), context(lab));
      }
    }
  }

  @Test
  void withoutCausalOrderAReaderSeesAnAnswerBeforeItsQuestion() {
    for (String causal : List.of("off", "on")) {
      Lab lab = Lab.with(1, "create multi-leader followers=0 causal=" + causal);
      lab.runAll(
          "partition n1 -> n3",
          "write q question",
          "settle",
          "read q as bob@us",
          "write a answer as bob@us",
          "settle");
      String answer = lab.read("read a as ana@ap").value();
      lab.read("read q as ana@ap");
      List<Result.FindingRow> found = findings(lab, "check causal");
      if (causal.equals("off")) {
        assertEquals("answer", answer, context(lab));
        assertEquals(1, found.size(), context(lab));
      } else {
        assertNull(answer, context(lab));
        assertEquals(List.of(), found, context(lab));
        lab.runAll("heal", "settle");
        assertEquals("answer", lab.read("read a as ana@ap").value(), context(lab));
      }
    }
  }

  @Test
  void aLamportClockOrdersByCounterSoSkewDoesNotMatter() {
    Lab lab = Lab.with(1, "create multi-leader clock=lamport");
    lab.runAll("write z first as bob@us", "settle", "skew n1 -5s");
    Result.WriteDone second = lab.write("write z second");
    assertTrue(second.text().contains(" ts L"), second.text());
    lab.run("settle");
    assertEquals("second", lab.read("read z").value(), context(lab));
    assertEquals(List.of(), findings(lab, "check lost-updates"), context(lab));
  }

  @Test
  void compareConflictsRunsOneTraceUnderEveryStrategy() {
    Lab lab = Lab.with(1, "create leader-follower");
    MultiLeaderResults.Comparison plain =
        lab.result("compare conflicts", MultiLeaderResults.Comparison.class);
    assertEquals(
        List.of("lww", "lww clock=lamport", "siblings", "merge"),
        plain.rows().stream().map(MultiLeaderResults.StrategyRow::strategy).toList());
    MultiLeaderResults.StrategyRow lww = plain.rows().get(0);
    MultiLeaderResults.StrategyRow siblings = plain.rows().get(2);
    assertEquals("draft", lww.values().get("status").get("ap"), plain.text());
    assertEquals("final", plain.rows().get(1).values().get("status").get("ap"), plain.text());
    assertEquals("{milk+eggs, milk+tea}", siblings.values().get("cart").get("us"), plain.text());
    assertEquals("2", lww.values().get("likes").get("eu"), plain.text());
    assertEquals("1", lww.values().get("views").get("eu"), plain.text());
    assertEquals(3, lww.lost().size(), plain.text());
    assertEquals(List.of(), siblings.lost(), plain.text());
    assertTrue(plain.rows().stream().allMatch(MultiLeaderResults.StrategyRow::agree), plain.text());
    assertTrue(plain.text().contains("custom: not run"), plain.text());

    lab.run("create multi-leader");
    model(lab).resolveWith((key, values) -> String.join("+", values.stream().sorted().toList()));
    MultiLeaderResults.Comparison custom =
        lab.result("compare conflicts", MultiLeaderResults.Comparison.class);
    MultiLeaderResults.StrategyRow last = custom.rows().get(custom.rows().size() - 1);
    assertEquals("custom", last.strategy());
    assertEquals("milk+eggs+milk+tea", last.values().get("cart").get("ap"), custom.text());
    assertEquals(plain.rows(), custom.rows().subList(0, 4), "the same seed, the same runs");
  }

  @Test
  void compareConflictsRefusesATraceThatMakesItsOwnCluster() throws Exception {
    java.nio.file.Path trace = java.nio.file.Files.createTempFile("trace", ".replab");
    java.nio.file.Files.writeString(trace, "create multi-leader\nwrite x 1\n");
    Lab lab = new Lab(1);
    assertTrue(
        lab.reject("compare conflicts trace=" + trace).error().contains("leave create and"),
        lab.transcript());
    java.nio.file.Files.writeString(trace, "# two writes\nwrite x a & write x b as bob@us\n");
    MultiLeaderResults.Comparison mine =
        lab.result("compare conflicts trace=" + trace, MultiLeaderResults.Comparison.class);
    assertEquals(1, mine.rows().get(0).lost().size(), mine.text());
    assertTrue(lab.reject("compare conflicts trace=/no/such/file").error().contains("cannot read"));
    java.nio.file.Files.delete(trace);
  }

  @Test
  void aPluggedVersionRuleDecidesWhichWritesSawWhich() {
    String[] script = {
      "write k a & write k b as bob@us",
      "settle",
      "write k c",
      "write j x & write j y as ana@ap",
      "settle",
      "inspect k",
      "inspect j"
    };
    Lab engine = Lab.with(4, "create multi-leader conflicts=siblings");
    Lab plugged = Lab.with(4, "create multi-leader conflicts=siblings");
    model(plugged).useVersionRule(new dev.replab.engine.api.StandardVersionVectorRule());
    for (String line : script) {
      String first = engine.run(line).text();
      String second = plugged.run(line).text();
      assertEquals(first, second, "the standard rule plugged in changes nothing: " + line);
    }
    // A rule that calls everything concurrent never lets a write replace another.
    Lab broken = Lab.with(4, "create multi-leader conflicts=siblings");
    model(broken)
        .useVersionRule(
            new dev.replab.engine.api.VersionVectorRule() {
              public Order compare(List<Entry> a, List<Entry> b) {
                return Order.CONCURRENT;
              }

              public List<Entry> merge(List<Entry> a, List<Entry> b) {
                return new dev.replab.engine.api.StandardVersionVectorRule().merge(a, b);
              }
            });
    broken.runAll("write k a", "settle", "write k b as bob@us", "settle");
    assertEquals(List.of("a", "b"), broken.read("read k").siblings(), context(broken));
    // One that answers outside its contract stops the command with a sentence, not a trace.
    Lab unsorted = Lab.with(4, "create multi-leader conflicts=siblings");
    model(unsorted)
        .useVersionRule(
            new dev.replab.engine.api.VersionVectorRule() {
              public Order compare(List<Entry> a, List<Entry> b) {
                return Order.BEFORE;
              }

              public List<Entry> merge(List<Entry> a, List<Entry> b) {
                return List.of(new Entry("us", 1), new Entry("eu", 1));
              }
            });
    var stopped = unsorted.session().execute("write k a").get(0);
    assertTrue(!stopped.ok() && stopped.error().contains("must be sorted by dc"), stopped.text());
  }

  @Test
  void pluggedCountersCountWhatTheEnginesCount() {
    String[] script = {
      "type likes counter",
      "type stock pn-counter",
      "incr likes 2 & incr likes 3 as bob@us & incr likes as ana@ap",
      "incr stock 10",
      "decr stock 3 & decr stock 2 as bob@us",
      "crash n3",
      "incr likes 4 as ana@ap",
      "restart n3",
      "settle"
    };
    Lab engine = Lab.with(2, "create multi-leader");
    Lab plugged = Lab.with(2, "create multi-leader");
    model(plugged).useCounters(new dev.replab.engine.api.StandardCounterCrdt());
    engine.runAll(script);
    plugged.runAll(script);
    for (String node : List.of("n1", "n3", "n6")) {
      for (String key : List.of("likes", "stock")) {
        String line = "read " + key + " via " + node;
        assertEquals(engine.read(line).value(), plugged.read(line).value(), line);
      }
    }
    assertEquals("10", plugged.read("read likes").value(), context(plugged));
    assertEquals("5", plugged.read("read stock as bob@us").value(), context(plugged));
    assertTrue(holds(plugged, "stock", "n5").startsWith("+[eu:10] -[eu:3 us:2]"), context(plugged));
  }

  @Test
  void aPluggedSetKeepsWhatTheEnginesSetKeeps() {
    String[] script = {
      "type cart set",
      "add cart milk",
      "settle",
      "remove cart milk as bob@us & add cart milk",
      "add cart eggs as ana@ap & remove cart eggs",
      "add cart tea as bob@us",
      "settle",
      "remove cart tea",
      "settle"
    };
    Lab engine = Lab.with(3, "create multi-leader");
    Lab plugged = Lab.with(3, "create multi-leader");
    model(plugged).useSets(new dev.replab.engine.api.StandardSetCrdt());
    engine.runAll(script);
    plugged.runAll(script);
    for (String node : List.of("n1", "n4", "n5")) {
      String line = "read cart via " + node;
      assertEquals(engine.read(line).value(), plugged.read(line).value(), line);
    }
    assertEquals("{eggs, milk}", plugged.read("read cart").value(), context(plugged));
    assertTrue(agree(plugged, "cart"), context(plugged));
  }

  @Test
  void aPluggedLastWriteWinsOrderDecidesTies() {
    String[] script = {
      "write k apple & write k zebra as bob@us",
      "settle",
      "delete j & write j x as ana@ap",
      "settle"
    };
    Lab engine = Lab.with(5, "create multi-leader clock=lamport");
    Lab plugged = Lab.with(5, "create multi-leader clock=lamport");
    model(plugged).useLwwOrder(new dev.replab.engine.api.StandardLwwOrder());
    engine.runAll(script);
    plugged.runAll(script);
    for (String key : List.of("k", "j")) {
      assertEquals(inspect(engine, key).text(), inspect(plugged, key).text(), key);
    }
    assertEquals("zebra", plugged.read("read k as ana@ap").value(), context(plugged));
    assertNull(plugged.read("read j").value(), context(plugged));
    Lab tied = Lab.with(5, "create multi-leader clock=lamport");
    model(tied).useLwwOrder((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
    var stopped = tied.session().execute("write k apple & write k zebra as bob@us; settle");
    assertTrue(
        stopped.stream()
            .anyMatch(e -> !e.ok() && e.error().contains("called two different writes equal")),
        stopped.toString());
  }

  @Test
  void theSameSeedAndScriptPrintTheSameBytes() {
    String[] script = {
      "create multi-leader topology=star conflicts=siblings",
      "write k a & write k b as bob@us & write k c as ana@ap",
      "type n pn-counter",
      "incr n 4 & decr n as bob@us",
      "crash n3",
      "write k d",
      "restart n3",
      "settle",
      "status",
      "conflicts",
      "inspect k",
      "check"
    };
    String first = run(7, script);
    String second = run(7, script);
    assertEquals(first, second, "a second run from seed 7 printed differently");
  }

  private static String run(long seed, String... lines) {
    Session session = new Session(seed);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      session.execute(line).forEach(e -> out.append(e.text()).append('\n'));
    }
    assertNotNull(out);
    return out.toString();
  }
}
