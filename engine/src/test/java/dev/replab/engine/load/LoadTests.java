package dev.replab.engine.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code load} and {@code sweep}: what they count, how they pace themselves, and what they show.
 */
class LoadTests {
  private static final String CREATE = "create leader-follower nodes=3";

  private static Result.LoadDone load(Lab lab, String line) {
    return lab.result(line, Result.LoadDone.class);
  }

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  private static void assertOrdered(Percentiles p, String what, Lab lab) {
    assertTrue(
        p.p50Ms() <= p.p95Ms() && p.p95Ms() <= p.p99Ms() && p.p99Ms() <= p.maxMs(),
        () -> what + " percentiles out of order: " + p + "\n" + context(lab));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "load ops=2000 clients=16 reads=90",
        "load ops=1000 clients=4 reads=50 keys=20 dist=zipf",
        "load ops=1500 clients=32 reads=95 policy=least-lag consistency=read-your-writes",
        "load ops=800 clients=2 reads=0"
      })
  void countsAddUpAndPercentilesAreOrdered(String line) {
    Lab lab = Lab.with(1, CREATE);
    Result.LoadDone load = load(lab, line);
    long requested = Long.parseLong(line.replaceAll(".*ops=(\\d+).*", "$1"));
    assertEquals(requested, load.ops(), () -> context(lab));
    assertEquals(load.ops(), load.reads() + load.writes() + load.failed(), () -> context(lab));
    assertEquals(load.reads(), load.readLatency().count());
    assertEquals(load.writes(), load.writeLatency().count());
    assertOrdered(load.readLatency(), "read", lab);
    assertOrdered(load.writeLatency(), "write", lab);
    assertTrue(
        load.staleShare() >= 0 && load.staleShare() <= 1, () -> "stale share " + load.staleShare());
    assertTrue(load.elapsedMs() > 0 && load.throughputOpsS() > 0, () -> context(lab));
    assertEquals(
        load.reads() + load.writes(),
        load.throughputOpsS() * load.elapsedMs() / 1_000,
        1e-6 * load.ops());
    assertEquals(
        lab.session().cluster().history().size(), load.ops(), "every operation is in the history");
  }

  @Test
  void writesToACrashedLeaderCountAsFailedAndStillAddUp() {
    Lab lab = Lab.with(1, CREATE);
    lab.run("crash n1");
    Result.LoadDone load = load(lab, "load ops=600 clients=4 reads=50");
    assertEquals(600, load.ops());
    assertEquals(0, load.writes());
    assertTrue(load.failed() > 200, () -> "about half were writes: " + load.failed());
    assertEquals(load.ops(), load.reads() + load.failed());
    assertTrue(load.text().contains(load.failed() + " failed or unknown"), load.text());
  }

  @Test
  void followerReadsUnderLoadAreSometimesStaleAndLeaderReadsNever() {
    Lab followers = Lab.with(1, CREATE);
    Result.LoadDone eventual =
        load(followers, "load ops=2000 clients=16 reads=90 policy=round-robin");
    assertTrue(
        eventual.staleShare() > 0.01,
        () -> "followers lag under a write stream: " + eventual.text());
    assertTrue(eventual.maxLagEntries() > 0, eventual.text());

    Lab leader = Lab.with(1, CREATE);
    Result.LoadDone fresh = load(leader, "load ops=2000 clients=16 reads=90 policy=leader");
    assertEquals(0, fresh.staleShare(), fresh.text());
    assertEquals(0, fresh.anomalies().get("stale-read"), fresh.text());
  }

  @Test
  void theSameSeedGivesByteIdenticalLoadOutput() {
    List<String> script =
        List.of(
            CREATE,
            "load ops=3000 clients=16 reads=90 dist=zipf",
            "load duration=1s rate=500/s reads=80",
            "sweep replicas=1,2,4 ops=2000 clients=16 reads=90");
    String first = transcript(7, script);
    assertEquals(first, transcript(7, script));
    assertNotEquals(first, transcript(8, script), "a different seed draws a different workload");
  }

  private static String transcript(long seed, List<String> script) {
    Lab lab = new Lab(seed);
    lab.runAll(script.toArray(String[]::new));
    return lab.transcript();
  }

  @Test
  void readHeavySweepScalesWithReplicasAndWriteHeavyDoesNot() {
    Lab lab = new Lab(1);
    Result.SweepTable reads =
        lab.result("sweep replicas=1,2,4,8 ops=20000 clients=64 reads=90", Result.SweepTable.class);
    assertEquals(
        List.of(1, 2, 4, 8), reads.rows().stream().map(Result.SweepRow::replicas).toList());
    double readGain = reads.rows().get(3).throughputOpsS() / reads.rows().get(0).throughputOpsS();
    assertTrue(
        readGain >= 3,
        () -> "90% reads: 8 replicas should serve at least 3x what 1 does\n" + reads.text());
    for (int i = 1; i < reads.rows().size(); i++) {
      assertTrue(
          reads.rows().get(i).throughputOpsS() >= reads.rows().get(i - 1).throughputOpsS(),
          reads.text());
    }
    assertTrue(reads.text().contains("throughput with 8 replicas is"), reads.text());

    Result.SweepTable writes =
        lab.result("sweep replicas=1,2,4,8 ops=20000 clients=64 reads=10", Result.SweepTable.class);
    double writeGain =
        writes.rows().get(3).throughputOpsS() / writes.rows().get(0).throughputOpsS();
    assertTrue(writeGain < 1.5, () -> "90% writes all go to the one leader\n" + writes.text());
  }

  @Test
  void sweepNeedsNoClusterAndLeavesTheSessionsClusterAlone() {
    Lab lab = Lab.with(1, CREATE);
    lab.run("write x 1");
    lab.run("sweep replicas=1,2 ops=500 clients=8 reads=90");
    assertEquals(1, lab.session().cluster().history().size(), "sweep runs on fresh clusters");
    assertEquals(3, lab.lf().nodes().size());
  }

  @Test
  void openLoopRateSetsTheThroughputAndTheDuration() {
    Lab lab = Lab.with(1, CREATE);
    Result.LoadDone load = load(lab, "load ops=1000 clients=8 rate=200/s");
    assertEquals(1000, load.ops());
    assertEquals(
        5_000,
        load.elapsedMs(),
        500,
        () -> "1000 operations at 200/s take about 5s\n" + load.text());
    assertEquals(200, load.throughputOpsS(), 20, load.text());
    assertTrue(load.text().contains("at 200/s"), load.text());

    Lab closed = Lab.with(1, CREATE);
    Result.LoadDone unpaced = load(closed, "load ops=1000 clients=8");
    assertTrue(
        unpaced.elapsedMs() < load.elapsedMs() / 5,
        "a closed loop runs as fast as the cluster answers: " + unpaced.text());
  }

  @Test
  void durationStopsIssuingAfterThatMuchSimulatedTime() {
    Lab lab = Lab.with(1, CREATE);
    double before = lab.nowMs();
    Result.LoadDone load = load(lab, "load duration=2s clients=4 reads=50");
    assertTrue(
        load.ops() > 1000, () -> "a closed loop issues many operations in 2s: " + load.ops());
    assertTrue(
        load.elapsedMs() >= 1_990 && load.elapsedMs() <= 2_050,
        () -> "stops after 2s: " + load.text());
    assertTrue(lab.nowMs() - before <= 2_100, "time moved " + (lab.nowMs() - before));

    Lab paced = Lab.with(1, CREATE);
    Result.LoadDone counted = load(paced, "load duration=3s rate=100/s");
    assertEquals(
        300, counted.ops(), 45, () -> "about 100 a second for 3 seconds: " + counted.text());

    Lab both = Lab.with(1, CREATE);
    Result.LoadDone capped = load(both, "load ops=1000000 duration=500ms clients=4");
    assertTrue(capped.ops() < 1_000_000 && capped.elapsedMs() <= 550, capped.text());
  }

  @Test
  void zipfMakesTheFirstKeyFarHotterThanUniformDoes() {
    Map<String, Long> zipf = keyCounts("load ops=5000 keys=50 reads=50 dist=zipf");
    Map<String, Long> uniform = keyCounts("load ops=5000 keys=50 reads=50");
    double zipfShare = zipf.get("k1") / 5000.0;
    double uniformShare = uniform.get("k1") / 5000.0;
    assertTrue(zipfShare > 0.15, () -> "k1 has weight 1/H(50), about 22%: " + zipf);
    assertTrue(uniformShare < 0.05, () -> "k1 has weight 1/50 = 2%: " + uniform);
    assertTrue(zipf.get("k1") > 10 * zipf.getOrDefault("k50", 0L), zipf.toString());
    assertEquals(50, uniform.size(), "every key is used");
  }

  private static Map<String, Long> keyCounts(String line) {
    Lab lab = Lab.with(1, CREATE);
    lab.run(line);
    return lab.session().cluster().history().operations().stream()
        .collect(Collectors.groupingBy(Operation::key, TreeMap::new, Collectors.counting()));
  }

  @Test
  void checkOffSkipsTheCheckersAndCheckOnReportsEachOne() {
    Lab lab = Lab.with(1, CREATE);
    Result.LoadDone off = load(lab, "load ops=500 check=off");
    assertEquals(Map.of(), off.anomalies());
    assertTrue(off.text().contains("not checked (check=off)"), off.text());
    Result.LoadDone on = load(lab, "load ops=500");
    assertEquals(
        List.of(
            "stale-read",
            "read-your-writes",
            "monotonic-reads",
            "consistent-prefix",
            "lost-writes",
            "split-brain",
            "linearizability"),
        List.copyOf(on.anomalies().keySet()));
    assertTrue(on.anomalies().values().stream().allMatch(count -> count >= 0), on.text());
  }

  @Test
  void loadClientsAreNamedSessionsThatShowUpInTheHistory() {
    Lab lab = Lab.with(1, CREATE);
    lab.run("load ops=400 clients=4");
    Map<String, Long> byClient =
        lab.session().cluster().history().operations().stream()
            .collect(Collectors.groupingBy(Operation::client, TreeMap::new, Collectors.counting()));
    assertEquals(List.of("w1", "w2", "w3", "w4"), List.copyOf(byClient.keySet()));
    assertTrue(
        byClient.values().stream().allMatch(count -> count >= 50),
        "a closed loop shares the work: " + byClient);
    assertEquals(400, byClient.values().stream().mapToLong(Long::longValue).sum());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "load duration=1000000h",
        "load duration=6m",
        "load ops=2000001",
        "load ops=1e309"
      })
  void aLoadPastTheLimitsIsRefusedWithTheLimitAndChangesNothing(String line) {
    Lab lab = Lab.with(1, CREATE);
    lab.run("write x 1");
    String before = lab.run("history").text() + lab.run("status").text();
    String error = lab.reject(line).error();
    assertTrue(error.contains("at most 5m") || error.contains("from 1 to 2000000"), error);
    assertEquals(before, lab.run("history").text() + lab.run("status").text());
  }
}
