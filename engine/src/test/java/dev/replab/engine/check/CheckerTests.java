package dev.replab.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.command.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every checker, driven through the command language: a scenario in which it finds its anomaly
 * (naming the operations involved and saying why), and the same scenario with the mitigation the
 * course teaches, in which it finds nothing.
 */
class CheckerTests {
  /** n3 hears from the leader 50ms late, so right after a write it is the lagging follower. */
  private static final String SLOW_N3 = "link n1 n3 latency=const(50ms)";

  /** Followers take 20ms to apply an entry, far longer than any client round trip in a region. */
  private static final String SLOW_APPLY = "create leader-follower nodes=3 apply=20ms";

  private static Result.CheckReport check(Lab lab, String checker) {
    return lab.result(checker == null ? "check" : "check " + checker, Result.CheckReport.class);
  }

  private static String context(Lab lab) {
    return "seed " + lab.session().seed() + ", script:\n" + lab.transcript();
  }

  private static Result.FindingRow only(Lab lab, Result.CheckReport report) {
    assertEquals(
        1, report.findings().size(), () -> "exactly one finding expected\n" + context(lab));
    return report.findings().get(0);
  }

  private static void assertClean(Lab lab, Result.CheckReport report) {
    assertEquals(List.of(), report.findings(), () -> context(lab));
    assertEquals("ok", report.verdict(), () -> context(lab));
  }

  // ---------------------------------------------------------------- stale reads

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void staleReadFromALaggingFollowerIsFoundAndNamesTheReadAndTheNewerWrite(long seed) {
    Lab lab = Lab.with(seed, "create leader-follower nodes=3");
    lab.runAll(SLOW_N3, "write x 1", "tick 10ms");
    Result.ReadDone read = lab.read("read x from n3");
    assertTrue(read.stale(), () -> context(lab));

    Result.CheckReport report = check(lab, "stale-read");
    Result.FindingRow finding = only(lab, report);
    assertEquals("anomalies", report.verdict());
    assertEquals("stale-read", finding.checker());
    assertEquals("stale", finding.kind());
    assertEquals("x", finding.key());
    assertEquals(List.of(2L, 1L), finding.ops(), "the read first, then the write it missed");
    assertTrue(finding.explanation().startsWith("read of x by app from n3"), finding.explanation());
    assertTrue(
        finding
            .explanation()
            .contains("returned nothing for x, but x=1 (offset 1, op #1) was committed"),
        finding.explanation());
    assertTrue(finding.explanation().endsWith("before the read began"), finding.explanation());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void readingFromTheLeaderRemovesTheStaleRead(long seed) {
    Lab lab = Lab.with(seed, "create leader-follower nodes=3 reads=round-robin");
    lab.runAll(SLOW_N3, "write x 1", "tick 10ms");
    Result.ReadDone read = lab.read("read x consistency=leader");
    assertEquals("n1", read.node(), () -> context(lab));
    assertEquals("1", read.value());
    assertFalse(read.stale(), read.text());
    assertClean(lab, check(lab, "stale-read"));
  }

  @Test
  void clientSessionWithLeaderConsistencyOverridesItsFollowerPolicy() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(
        SLOW_N3, "client bob consistency=leader policy=round-robin", "write x 1", "tick 10ms");
    for (int i = 0; i < 4; i++) {
      Result.ReadDone read = lab.read("read x as bob");
      assertEquals("n1", read.node(), () -> context(lab));
      assertEquals("1", read.value());
    }
    assertClean(lab, check(lab, "stale-read"));
  }

  // ---------------------------------------------------------------- read your writes

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void readYourWritesReportsExactlyTheWriteAndTheFollowerReadThatMissedIt(long seed) {
    Lab lab = Lab.with(seed, SLOW_APPLY);
    lab.run("write x 1 as alice");
    Result.ReadDone read = lab.read("read x from n2 as alice");
    assertNull(read.value(), () -> context(lab));
    lab.run("read x from n3 as bob");

    Result.FindingRow finding = only(lab, check(lab, "read-your-writes"));
    assertEquals("missed-own-write", finding.kind());
    assertEquals("x", finding.key());
    assertEquals(
        List.of(1L, 2L), finding.ops(), "alice's write and alice's read; bob never wrote x");
    assertTrue(
        finding.explanation().startsWith("read of x by alice from n2"), finding.explanation());
    assertTrue(
        finding
            .explanation()
            .contains("alice had already written x=1 (offset 1, op #1) and been told it succeeded"),
        finding.explanation());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void readYourWritesConsistencyWaitsForTheOwnWriteOnTheFollower(long seed) {
    Lab lab = Lab.with(seed, SLOW_APPLY);
    lab.run("write x 1 as alice");
    Result.ReadDone read = lab.read("read x from n2 as alice consistency=read-your-writes");
    assertEquals("n2", read.node());
    assertEquals("1", read.value(), () -> context(lab));
    assertEquals(1, read.version());
    assertFalse(read.stale(), read.text());
    assertTrue(read.text().contains("read-your-writes: waits for offset 1"), read.text());
    assertTrue(
        read.latencyMs() > 10,
        "the follower answered only once it had applied x=1: " + read.latencyMs());
    assertClean(lab, check(lab, "read-your-writes"));
  }

  @Test
  void readYourWritesSetOnTheClientAppliesToEveryRead() {
    Lab lab = Lab.with(1, SLOW_APPLY);
    lab.runAll(
        "client alice consistency=read-your-writes", "write x 1 as alice", "write y 2 as alice");
    Result.ReadDone read = lab.read("read x from n3 as alice");
    assertEquals("1", read.value(), () -> context(lab));
    assertTrue(
        read.text().contains("waits for offset 2"),
        "the token is alice's last write: " + read.text());
    assertClean(lab, check(lab, "read-your-writes"));
  }

  // ---------------------------------------------------------------- monotonic reads

  /** x=1 has reached n2 but not n3; bob read it from n2 (op #2), then reads from n3. */
  private static Lab bobReadFromTheFreshFollower(long seed) {
    Lab lab = Lab.with(seed, "create leader-follower nodes=3");
    lab.runAll(SLOW_N3, "write x 1", "tick 10ms");
    assertEquals("1", lab.read("read x from n2 as bob").value(), () -> context(lab));
    return lab;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void monotonicReadsFindsAReadThatWentBackInTime(long seed) {
    Lab lab = bobReadFromTheFreshFollower(seed);
    assertNull(lab.read("read x from n3 as bob").value(), () -> context(lab));

    Result.CheckReport report = check(lab, "monotonic-reads");
    Result.FindingRow finding = only(lab, report);
    assertEquals("went-back", finding.kind());
    assertEquals(List.of(2L, 3L), finding.ops());
    assertTrue(finding.explanation().startsWith("read of x by bob from n3"), finding.explanation());
    assertTrue(
        finding
            .explanation()
            .contains("older than x=1 at offset 1 which bob had read from n2 earlier (op #2)"),
        finding.explanation());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void monotonicConsistencyMakesTheLaggingFollowerWait(long seed) {
    Lab lab = bobReadFromTheFreshFollower(seed);
    Result.ReadDone read = lab.read("read x from n3 as bob consistency=monotonic");
    assertEquals("1", read.value(), () -> context(lab));
    assertTrue(read.text().contains("monotonic: waits for offset 1"), read.text());
    assertTrue(
        read.latencyMs() > 30, "n3 gets x=1 about 50ms after it was written: " + read.latencyMs());
    assertClean(lab, check(lab, "monotonic-reads"));
  }

  @Test
  void roundRobinSendsTheSecondReadToTheLaggingFollowerAndGoesBackInTime() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(SLOW_N3, "client bob policy=round-robin", "write x 1", "tick 10ms");
    Result.ReadDone first = lab.read("read x as bob");
    Result.ReadDone second = lab.read("read x as bob");
    assertEquals(List.of("n2", "n3"), List.of(first.node(), second.node()), () -> context(lab));
    assertEquals(List.of(2L, 3L), only(lab, check(lab, "monotonic-reads")).ops());
  }

  @Test
  void stickyRoutingKeepsBobOnOneFollowerSoHisReadsNeverGoBack() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(SLOW_N3, "client bob policy=sticky", "write x 1", "tick 10ms");
    Result.ReadDone first = lab.read("read x as bob");
    Result.ReadDone second = lab.read("read x as bob");
    Result.ReadDone third = lab.read("read x as bob");
    assertNotEquals("n1", first.node(), "sticky reads go to a follower");
    assertEquals(first.node(), second.node(), () -> context(lab));
    assertEquals(first.node(), third.node(), () -> context(lab));
    assertClean(lab, check(lab, "monotonic-reads"));
  }

  // ---------------------------------------------------------------- consistent prefix

  /** alice asks (op #1), bob answers (op #2); carol sees the answer on n2 (op #3). */
  private static Lab carolSawTheAnswer(long seed) {
    Lab lab = Lab.with(seed, "create leader-follower nodes=3");
    lab.runAll(SLOW_N3, "write question when as alice", "write answer noon as bob", "tick 10ms");
    assertEquals("noon", lab.read("read answer from n2 as carol").value(), () -> context(lab));
    return lab;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void consistentPrefixFindsAnAnswerSeenBeforeItsQuestion(long seed) {
    Lab lab = carolSawTheAnswer(seed);
    assertNull(lab.read("read question from n3 as carol").value(), () -> context(lab));

    Result.FindingRow finding = only(lab, check(lab, "consistent-prefix"));
    assertEquals("effect-before-cause", finding.kind());
    assertEquals("question", finding.key());
    assertEquals(
        List.of(3L, 4L, 1L),
        finding.ops(),
        "the answer's read, the question's read, the question's write");
    assertTrue(
        finding.explanation().startsWith("carol read answer=noon at offset 2 (op #3)"),
        finding.explanation());
    assertTrue(
        finding.explanation().contains("question=when (offset 1, op #1) comes earlier in the log"),
        finding.explanation());
    assertTrue(
        finding.explanation().endsWith("it saw an effect before its cause"), finding.explanation());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void monotonicConsistencyGivesCarolAConsistentPrefix(long seed) {
    Lab lab = carolSawTheAnswer(seed);
    Result.ReadDone read = lab.read("read question from n3 as carol consistency=monotonic");
    assertEquals("when", read.value(), () -> context(lab));
    assertTrue(read.text().contains("waits for offset 2"), read.text());
    assertClean(lab, check(lab, "consistent-prefix"));
  }

  // ---------------------------------------------------------------- lost writes

  /**
   * Followers hear from n1 20ms late, so an asynchronous write is acknowledged long before they
   * have it.
   */
  private static Lab crashRightAfterAWrite(long seed, String quorum) {
    Lab lab = Lab.with(seed, "create leader-follower nodes=3");
    lab.runAll(
        "failover auto detect=1s",
        "link n1 n2 latency=const(20ms)",
        "link n1 n3 latency=const(20ms)",
        "setquorum " + quorum);
    assertEquals("ok", lab.write("write x 1").outcome(), () -> context(lab));
    lab.runAll("crash n1", "tick 5s");
    assertNotEquals("n1", lab.status().leader(), () -> "a new leader was elected\n" + context(lab));
    return lab;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void asynchronousFailoverLosesTheAcknowledgedWriteAndLostWritesNamesIt(long seed) {
    Lab lab = crashRightAfterAWrite(seed, "0");
    String leader = lab.status().leader();
    Result.CheckReport report = check(lab, "lost-writes");
    Result.FindingRow finding = only(lab, report);
    assertEquals("anomalies", report.verdict());
    assertEquals("lost-write", finding.kind());
    assertEquals(List.of(1L), finding.ops());
    assertTrue(
        finding.explanation().startsWith("x=1 (op #1) was acknowledged by n1 in epoch 1"),
        finding.explanation());
    assertTrue(
        finding.explanation().contains("but leader " + leader + "'s log does not hold it"),
        finding.explanation());

    Result.ReadDone read = lab.read("read x");
    assertNull(read.value(), () -> context(lab));
    assertTrue(read.text().contains("that write is lost"), read.text());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void waitingForOneFollowerMeansTheFailoverKeepsTheWrite(long seed) {
    Lab lab = crashRightAfterAWrite(seed, "1");
    assertClean(lab, check(lab, "lost-writes"));
    assertEquals("1", lab.read("read x").value(), () -> context(lab));
  }

  // ---------------------------------------------------------------- split brain

  /** n1 freezes past detection, the others elect a leader, and n1 wakes up believing it leads. */
  private static Lab zombieLeader(long seed, String fencing) {
    Lab lab = Lab.with(seed, "create leader-follower nodes=3");
    lab.runAll(
        "failover auto detect=1s fencing=" + fencing,
        "write x 1",
        "tick 100ms",
        "pause n1",
        "tick 5s",
        "resume n1");
    return lab;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void splitBrainFindsTheZombieLeadersWriteAfterTheNewLeaderTookOver(long seed) {
    Lab lab = zombieLeader(seed, "off");
    Result.WriteDone zombie = lab.write("write z 9 via n1");
    Result.WriteDone current = lab.write("write y 2");
    assertEquals("ok", zombie.outcome(), () -> context(lab));
    assertEquals(1, zombie.epoch());
    assertEquals("ok", current.outcome(), () -> context(lab));
    assertEquals(2, current.epoch());
    assertNotEquals("n1", current.node());

    Result.CheckReport report = check(lab, "split-brain");
    Result.FindingRow finding = only(lab, report);
    assertEquals("two-leaders", finding.kind());
    assertEquals(List.of(2L), finding.ops(), "the zombie's write only");
    assertTrue(
        finding
            .explanation()
            .startsWith(
                "n1 (epoch 1) acknowledged 1 write (op #2) after "
                    + current.node()
                    + " began leading epoch 2"),
        finding.explanation());
    assertTrue(
        finding.explanation().endsWith("two leaders accepted writes at once"),
        finding.explanation());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void fencingRejectsTheZombieLeadersWriteAndNoCheckerFindsAnything(long seed) {
    Lab lab = zombieLeader(seed, "on");
    Result.WriteDone zombie = lab.write("write z 9 via n1");
    assertEquals("fail", zombie.outcome(), () -> context(lab));
    assertTrue(
        zombie
            .failure()
            .contains(
                "storage refused the write: n1 leads epoch 1 but storage has already seen epoch 2"),
        zombie.failure());
    assertEquals("ok", lab.write("write y 2").outcome());
    lab.run("tick 1s");
    assertEquals("follower", lab.node("n1").role(), "the fenced leader stepped down");
    Result.CheckReport report = check(lab, null);
    assertClean(lab, report);
    assertTrue(
        report.checkers().stream()
            .allMatch(v -> v.verdict().equals("ok") || v.verdict().equals("n/a")),
        report.text());
  }

  // ---------------------------------------------------------------- verdicts

  @Test
  void verdictIsOkOnlyWhenEveryCheckerRanAndFoundNothing() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "settle", "read x from n2");
    Result.CheckReport report = check(lab, null);
    assertClean(lab, report);
    assertEquals(
        Checkers.all().stream().map(Checker::name).toList(),
        report.checkers().stream().map(Result.CheckerVerdict::checker).toList());
    assertTrue(report.text().endsWith("verdict: ok"), report.text());
  }

  @Test
  void lostWritesIsInconclusiveWhenNoLeaderIsUp() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "tick 100ms", "crash n1");
    Result.CheckReport all = check(lab, null);
    assertEquals("inconclusive", all.verdict(), all.text());
    assertEquals(List.of(), all.findings());
    Result.CheckerVerdict lost =
        all.checkers().stream()
            .filter(v -> v.checker().equals("lost-writes"))
            .findFirst()
            .orElseThrow();
    assertEquals("inconclusive", lost.verdict());
    assertTrue(lost.why().contains("no leader is up"), lost.why());
    assertTrue(all.text().contains("lost-writes: inconclusive: no leader is up"), all.text());
    assertTrue(
        all.checkers().stream()
            .filter(v -> v != lost)
            .allMatch(v -> v.verdict().equals("ok") || v.verdict().equals("n/a")),
        all.text());

    Result.CheckReport one = check(lab, "lost-writes");
    assertEquals("inconclusive", one.verdict());
    assertEquals(1, one.checkers().size());
  }

  @Test
  void anomaliesOutweighAnInconclusiveChecker() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll(SLOW_N3, "write x 1", "tick 10ms", "read x from n3", "crash n1");
    Result.CheckReport report = check(lab, null);
    assertEquals("anomalies", report.verdict(), report.text());
    assertTrue(
        report.checkers().stream().anyMatch(v -> v.verdict().equals("inconclusive")),
        report.text());
    assertTrue(
        report.findings().stream().anyMatch(f -> f.checker().equals("stale-read")), report.text());
  }
}
