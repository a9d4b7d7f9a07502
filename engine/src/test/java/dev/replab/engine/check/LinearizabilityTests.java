package dev.replab.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LinearizabilityTests {
  private static final Linearizability CHECKER = new Linearizability();

  private static List<Finding> check(Histories history) throws Checker.Inconclusive {
    return CHECKER.check(history.record());
  }

  @Test
  void aReadOfTheOldValueAfterTheNewOneCompletedIsFoundWithAMinimalCounterexample()
      throws Exception {
    Histories history =
        new Histories()
            .write(3, "1", 0, 10)
            .write(5, "2", 20, 30)
            .read(6, "2", 40, 50)
            .read(7, "1", 60, 70);
    List<Finding> findings = check(history);
    assertEquals(1, findings.size());
    Finding finding = findings.get(0);
    assertEquals("linearizability", finding.checker());
    assertEquals("not-linearizable", finding.kind());
    assertEquals("x", finding.key());
    assertEquals(List.of(3L, 5L, 7L), finding.ops(), "read #6 is not needed to show it");
    assertEquals(
        "read #7 returned 1 after write #5 of 2 had completed,"
            + " and no order of #3, #5, #7 respects real time",
        finding.explanation());
  }

  @Test
  void aNewValueReadThenTheOldValueReadByALaterReadIsNotLinearizable() throws Exception {
    // The write of 2 is still running, so either value may be read, but not 2 and then 1.
    Histories history =
        new Histories().write(1, "1", 0, 10).write(2, "2", 20, 200).read(3, "2", 30, 40);
    assertEquals(List.of(), check(history), "2 may already have taken effect");
    history.read(4, "1", 50, 60);
    Finding finding = check(history).get(0);
    assertEquals(List.of(1L, 2L, 3L, 4L), finding.ops());
    assertEquals(
        "read #4 returned 1 after read #3 had already returned 2,"
            + " and no order of #1, #2, #3, #4 respects real time",
        finding.explanation());
  }

  @Test
  void concurrentWritesWithReadsThatSeeThemInEitherOrderAreLinearizable() throws Exception {
    Histories history =
        new Histories()
            .write(1, "1", 0, 100)
            .write(2, "2", 0, 100)
            .read(3, "2", 10, 20)
            .read(4, "1", 30, 40)
            .read(5, "1", 150, 160);
    assertEquals(List.of(), check(history), "2, read 2, 1, read 1, read 1");
  }

  @Test
  void anUnknownWriteMayHaveTakenEffectLongAfterItTimedOut() throws Exception {
    Histories history =
        new Histories()
            .write(1, "1", 0, 10)
            .write(2, "2", 20, 30, Outcome.UNKNOWN)
            .read(3, "1", 40, 50)
            .read(4, "2", 100, 110);
    assertEquals(List.of(), check(history));
  }

  @Test
  void aPendingWriteCountsAsMaybe() throws Exception {
    Histories history =
        new Histories()
            .write(1, "1", 0, 10)
            .write(2, "2", 20, 0, Outcome.PENDING)
            .read(3, "2", 40, 50);
    assertEquals(List.of(), check(history));
  }

  @Test
  void aFailedWriteNeverHappened() throws Exception {
    Histories history =
        new Histories()
            .write(1, "1", 0, 10)
            .write(2, "2", 20, 30, Outcome.FAIL)
            .read(3, "2", 40, 50);
    Finding finding = check(history).get(0);
    assertEquals(List.of(3L), finding.ops(), "nothing that happened could leave 2 there");
    assertEquals(
        "read #3 returned 2, and no order of #3 respects real time", finding.explanation());
  }

  @Test
  void onlySuccessfulReadsConstrain() throws Exception {
    Histories history =
        new Histories()
            .write(1, "1", 0, 10)
            .read(2, "2", 20, 30, Outcome.FAIL)
            .read(3, "2", 20, 30, Outcome.UNKNOWN)
            .read(4, "1", 40, 50);
    assertEquals(List.of(), check(history));
  }

  @Test
  void aReadOfADeletedKeyAfterTheDeleteCompletedMustFindNothing() throws Exception {
    Histories history = new Histories().write(1, "1", 0, 10).write(2, null, 20, 30);
    history.read(3, null, 40, 50);
    assertEquals(List.of(), check(history));
    history.read(4, "1", 60, 70);
    Finding finding = check(history).get(0);
    assertEquals(List.of(1L, 2L, 4L), finding.ops());
    assertEquals(
        "read #4 returned 1 after delete #2 had completed, and no order of #1, #2, #4 respects"
            + " real time",
        finding.explanation());
  }

  @Test
  void aReadOfNothingAfterAWriteCompletedIsNotLinearizable() throws Exception {
    Histories history = new Histories().write(1, "1", 0, 10).read(2, null, 20, 30);
    assertEquals(
        "read #2 returned nothing after write #1 of 1 had completed,"
            + " and no order of #1 and #2 respects real time",
        check(history).get(0).explanation());
  }

  @Test
  void intervalsThatOnlyTouchCountAsConcurrent() throws Exception {
    Histories history = new Histories().write(1, "1", 0, 10).read(2, null, 10, 20);
    assertEquals(List.of(), check(history), "the read may have come first");
  }

  @Test
  void keysAreCheckedApartInKeyOrderAndKeyNarrowsTheCheck() throws Exception {
    Histories history = new Histories();
    history.on("b").write(1, "1", 0, 10).read(2, null, 20, 30);
    history.on("a").write(3, "1", 0, 10).read(4, "1", 20, 30);
    history.on("c").write(5, "1", 0, 10).read(6, "2", 20, 30);
    List<Finding> findings = check(history);
    assertEquals(List.of("b", "c"), findings.stream().map(Finding::key).toList());
    List<Finding> onlyA = new Linearizability(1_000, "a").check(history.record());
    assertEquals(List.of(), onlyA);
    List<Finding> onlyC = new Linearizability(1_000, "c").check(history.record());
    assertEquals(List.of(6L), onlyC.get(0).ops());
  }

  @Test
  void aBudgetOfTenStatesIsInconclusiveAndSaysWhere() {
    Histories history = Histories.linearizable(7, 40, 3, 3);
    Checker.Inconclusive inconclusive =
        assertThrows(
            Checker.Inconclusive.class,
            () -> new Linearizability(10, null).check(history.record()));
    assertTrue(
        inconclusive.getMessage().startsWith("gave up on key x after exploring 10 states"),
        inconclusive.getMessage());
    assertTrue(inconclusive.getMessage().contains("it had ordered at most "));
  }

  @Test
  void aDurationBudgetConvertsAtAFixedRate() {
    assertEquals(
        Linearizability.STATES_PER_SECOND,
        Linearizability.withBudget(1_000_000, null).budgetStates());
    assertEquals(10 * Linearizability.STATES_PER_SECOND, new Linearizability().budgetStates());
    assertEquals(1, Linearizability.statesFor(0), "a budget always allows one state");
    assertEquals(Long.MAX_VALUE, Linearizability.statesFor(Long.MAX_VALUE));
  }

  @Test
  void aViolationBuriedInALongHistoryShrinksToTheFewOperationsInvolved() throws Exception {
    Histories history = Histories.linearizable(11, 400, 4, 4);
    long end = history.operations().stream().mapToLong(Operation::completeUs).max().orElseThrow();
    history
        .write(1_001, "a", end + 100, end + 110)
        .write(1_002, "b", end + 200, end + 210)
        .read(1_003, "a", end + 300, end + 310);
    Finding finding = check(history).get(0);
    assertEquals(List.of(1_001L, 1_002L, 1_003L), finding.ops());
    assertEquals(
        "read #1003 returned a after write #1002 of b had completed,"
            + " and no order of #1001, #1002, #1003 respects real time",
        finding.explanation());
  }

  @Test
  void theSameHistoryGetsTheSameFindings() throws Exception {
    Histories history = Histories.linearizable(5, 300, 4, 3);
    history.read(9_999, "nobody-wrote-this", 50, 60);
    var first = check(history);
    var second = check(history);
    assertEquals(first, second, "the same history got different findings");
  }

  @Test
  void agreesWithABruteForceSearchOnSmallRandomHistories() throws Exception {
    int violations = 0;
    for (long seed = 1; seed <= 4_000; seed++) {
      Histories history = randomSmall(new SplittableRandom(seed));
      boolean expected = BruteForce.linearizable(history.operations());
      List<Finding> findings = check(history);
      assertEquals(expected, findings.isEmpty(), "seed " + seed + "\n" + describe(history));
      if (!expected) {
        violations++;
        Finding finding = findings.get(0);
        assertTrue(!finding.ops().isEmpty(), "seed " + seed);
      }
    }
    int found = violations;
    assertTrue(found > 800 && found < 3_200, () -> found + " of 4000 were violations");
  }

  @Test
  void everyCounterexampleIsAViolationThatNoSingleFurtherRelaxationKeeps() throws Exception {
    for (long seed = 1; seed <= 1_500; seed++) {
      Histories history = randomSmall(new SplittableRandom(seed));
      if (BruteForce.linearizable(history.operations())) {
        continue;
      }
      List<Linearizability.Step> steps = Linearizability.Step.of(history.operations());
      Linearizability.Counterexample example =
          Linearizability.Shrinker.shrink(steps, new Linearizability.Budget(1_000_000));
      String context = "seed " + seed + "\n" + describe(history);
      assertTrue(example.minimal(), context);
      assertTrue(!BruteForce.linearizable(example.kept(), example.sources()), context);
      for (Linearizability.Step step : example.kept()) {
        List<Linearizability.Step> fewer = new ArrayList<>(example.kept());
        fewer.remove(step);
        List<Linearizability.Step> more = new ArrayList<>(example.sources());
        if (step.write()) {
          more.add(step.relaxed());
        }
        assertTrue(BruteForce.linearizable(fewer, more), context + "\nrelaxing #" + step.op().id());
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void tenThousandOperationsOnOneKeyAnswerWellWithinTheDefaultBudget() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      Histories history = Histories.linearizable(seed, 10_000, 6, 3);
      assertEquals(List.of(), check(history), "seed " + seed);
    }
  }

  private static Histories randomSmall(SplittableRandom random) {
    Histories history = new Histories();
    int count = 1 + random.nextInt(8);
    for (int id = 1; id <= count; id++) {
      long invokeUs = random.nextInt(20);
      long completeUs = invokeUs + random.nextInt(12);
      String value = random.nextInt(4) == 0 ? null : String.valueOf(1 + random.nextInt(2));
      if (random.nextInt(5) < 2) {
        Outcome outcome = random.nextInt(6) == 0 ? Outcome.FAIL : Outcome.OK;
        history.read(id, value, invokeUs, completeUs, outcome);
      } else {
        Outcome outcome =
            switch (random.nextInt(8)) {
              case 0 -> Outcome.UNKNOWN;
              case 1 -> Outcome.FAIL;
              case 2 -> Outcome.PENDING;
              default -> Outcome.OK;
            };
        history.write(id, value, invokeUs, completeUs, outcome);
      }
    }
    return history;
  }

  private static String describe(Histories history) {
    StringBuilder text = new StringBuilder();
    for (Operation op : history.operations()) {
      text.append(op.describe())
          .append(" [")
          .append(op.invokeUs())
          .append(", ")
          .append(op.completeUs())
          .append("]\n");
    }
    return text.toString();
  }

  /**
   * Tries every order of a small history, straight from the definition and with none of the
   * checker's shortcuts: steps one at a time, none before a step that completed before it began,
   * optional writes placed anywhere after they began or left out.
   */
  private static final class BruteForce {
    private BruteForce() {}

    static boolean linearizable(List<Operation> ops) {
      List<Linearizability.Step> definite = new ArrayList<>();
      List<Linearizability.Step> optional = new ArrayList<>();
      for (Linearizability.Step step : Linearizability.Step.of(ops)) {
        (step.optional() ? optional : definite).add(step);
      }
      return linearizable(definite, optional);
    }

    static boolean linearizable(
        List<Linearizability.Step> definite, List<Linearizability.Step> optional) {
      List<Linearizability.Step> all = new ArrayList<>(definite);
      all.addAll(optional);
      return search(all, new boolean[all.size()], 0, definite.size());
    }

    private static boolean search(
        List<Linearizability.Step> all, boolean[] placed, int value, int definiteLeft) {
      if (definiteLeft == 0) {
        return true;
      }
      for (int i = 0; i < all.size(); i++) {
        Linearizability.Step step = all.get(i);
        if (placed[i] || !mayComeNext(all, placed, step)) {
          continue;
        }
        if (!step.write() && step.value() != value) {
          continue;
        }
        placed[i] = true;
        boolean found =
            search(
                all,
                placed,
                step.write() ? step.value() : value,
                definiteLeft - (step.optional() ? 0 : 1));
        placed[i] = false;
        if (found) {
          return true;
        }
      }
      return false;
    }

    private static boolean mayComeNext(
        List<Linearizability.Step> all, boolean[] placed, Linearizability.Step step) {
      for (int j = 0; j < all.size(); j++) {
        Linearizability.Step other = all.get(j);
        if (!placed[j]
            && !other.optional()
            && other.completeUs() < step.invokeUs()
            && !Objects.equals(other, step)) {
          return false;
        }
      }
      return true;
    }
  }
}
