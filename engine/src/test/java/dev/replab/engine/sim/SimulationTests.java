package dev.replab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTests {

  @Test
  void eventsRunInTimeOrderWhateverOrderTheyWereScheduledIn() {
    Simulation sim = new Simulation(1);
    List<String> ran = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (long delay : new long[] {300, 100, 200, 50, 250}) {
      sim.schedule(
          delay,
          () -> {
            ran.add("at" + delay);
            times.add(sim.nowUs());
          });
    }
    sim.runUntil(1_000);
    assertEquals(List.of("at50", "at100", "at200", "at250", "at300"), ran);
    assertEquals(
        List.of(50L, 100L, 200L, 250L, 300L), times, "the clock jumps to each event's time");
    assertEquals(1_000, sim.nowUs(), "runUntil leaves the clock at its bound");
    assertEquals(5, sim.eventsRun());
  }

  @Test
  void sameTimeEventsRunInSchedulingOrder() {
    Simulation sim = new Simulation(1);
    List<Integer> ran = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int index = i;
      sim.schedule(10, () -> ran.add(index));
    }
    sim.runUntil(10);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      expected.add(i);
    }
    assertEquals(expected, ran);
  }

  @Test
  void anEventScheduledForNowRunsAfterTheEventsAlreadyDueNow() {
    Simulation sim = new Simulation(1);
    List<String> ran = new ArrayList<>();
    sim.schedule(
        5,
        () -> {
          ran.add("first");
          sim.schedule(0, () -> ran.add("scheduled-by-first"));
        });
    sim.schedule(5, () -> ran.add("second"));
    sim.runUntil(5);
    assertEquals(List.of("first", "second", "scheduled-by-first"), ran);
  }

  @Test
  void runUntilIncludesEventsAtItsBoundAndNotAfter() {
    Simulation sim = new Simulation(1);
    List<Long> ran = new ArrayList<>();
    sim.schedule(100, () -> ran.add(100L));
    sim.schedule(101, () -> ran.add(101L));
    sim.runUntil(100);
    assertEquals(List.of(100L), ran);
    assertEquals(100, sim.nowUs());
    sim.runUntil(101);
    assertEquals(List.of(100L, 101L), ran);
  }

  @Test
  void runUntilConditionStopsAsSoonAsItHolds() {
    Simulation sim = new Simulation(1);
    List<Long> ran = new ArrayList<>();
    for (long t = 10; t <= 100; t += 10) {
      long at = t;
      sim.schedule(t, () -> ran.add(at));
    }
    assertTrue(sim.runUntil(() -> ran.size() == 3, Long.MAX_VALUE));
    assertEquals(30, sim.nowUs(), "no event after the one that made the condition true");
    assertFalse(sim.runUntil(() -> false, 55), "the condition never holds before the limit");
    assertEquals(List.of(10L, 20L, 30L, 40L, 50L), ran);
  }

  @Test
  void cancelledEventNeverRuns() {
    Simulation sim = new Simulation(1);
    List<String> ran = new ArrayList<>();
    Timer cancelled = sim.schedule(10, () -> ran.add("cancelled"));
    Timer kept = sim.schedule(20, () -> ran.add("kept"));
    assertTrue(cancelled.pending());
    assertEquals(10, cancelled.timeUs());
    cancelled.cancel();
    assertFalse(cancelled.pending());
    sim.runUntil(100);
    assertEquals(List.of("kept"), ran);
    assertFalse(kept.pending(), "a timer that has fired is no longer pending");
    assertEquals(1, sim.eventsRun(), "a cancelled event does not count as run");
  }

  @Test
  void cancellingAfterTheEventRanChangesNothing() {
    Simulation sim = new Simulation(1);
    List<String> ran = new ArrayList<>();
    Timer timer = sim.schedule(10, () -> ran.add("ran"));
    sim.runUntil(10);
    timer.cancel();
    sim.runUntil(20);
    assertEquals(List.of("ran"), ran);
  }

  @Test
  void settleIgnoresBackgroundWork() {
    Simulation sim = new Simulation(1);
    int[] heartbeats = {0};
    Runnable[] heartbeat = new Runnable[1];
    heartbeat[0] =
        () -> {
          heartbeats[0]++;
          sim.scheduleBackground(100, heartbeat[0]);
        };
    sim.scheduleBackground(100, heartbeat[0]);
    List<Long> work = new ArrayList<>();
    sim.schedule(50, () -> work.add(sim.nowUs()));
    sim.schedule(250, () -> work.add(sim.nowUs()));

    assertTrue(sim.settle(1_000_000), "only the self-renewing chore is left, so the world settles");
    assertEquals(List.of(50L, 250L), work);
    assertEquals(250, sim.nowUs(), "settle stops right after the last one-off event");
    assertEquals(2, heartbeats[0], "chores due before the last one-off still run");
  }

  @Test
  void cancelledWorkDoesNotHoldUpSettle() {
    Simulation sim = new Simulation(1);
    Runnable[] heartbeat = new Runnable[1];
    heartbeat[0] = () -> sim.scheduleBackground(100, heartbeat[0]);
    sim.scheduleBackground(100, heartbeat[0]);
    Timer clientTimeout = sim.schedule(30_000_000, () -> {});
    sim.schedule(40, () -> {});
    assertTrue(sim.busy());
    clientTimeout.cancel();
    clientTimeout.cancel();
    assertTrue(sim.settle(3_600_000_000L));
    assertEquals(40, sim.nowUs(), "settle does not wait for the cancelled timeout");
    assertFalse(sim.busy());
  }

  @Test
  void settleWithOnlyChoresPendingDoesNotMoveTime() {
    Simulation sim = new Simulation(1);
    sim.scheduleBackground(100, () -> {});
    assertTrue(sim.settle(1_000_000));
    assertEquals(0, sim.nowUs());
  }

  @Test
  void settleGivesUpAtItsLimitWhenWorkKeepsComing() {
    Simulation sim = new Simulation(1);
    Runnable[] busy = new Runnable[1];
    busy[0] = () -> sim.schedule(10, busy[0]);
    sim.schedule(10, busy[0]);
    assertFalse(sim.settle(1_000));
    assertTrue(sim.nowUs() <= 1_000);
  }

  @Test
  void negativeDelayIsAProgrammingError() {
    Simulation sim = new Simulation(1);
    assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, () -> {}));
  }

  @Test
  void rngDrawsDependOnlyOnSeedAndComponentName() {
    long[] first = draws(new Simulation(42).rng("network"), 100);
    long[] again = draws(new Simulation(42).rng("network"), 100);
    assertArrayEquals(first, again);
    assertNotEqualsArray(first, draws(new Simulation(43).rng("network"), 100), "another seed");
    assertNotEqualsArray(first, draws(new Simulation(42).rng("n2"), 100), "another component");
  }

  @Test
  void addingAComponentDoesNotChangeAnotherComponentsDraws() {
    Simulation alone = new Simulation(7);
    long[] expected = draws(alone.rng("network"), 500);

    Simulation crowded = new Simulation(7);
    Rng before = crowded.rng("n4");
    Rng network = crowded.rng("network");
    Rng after = crowded.rng("client-alice");
    long[] interleaved = new long[500];
    for (int i = 0; i < interleaved.length; i++) {
      before.nextDouble();
      interleaved[i] = network.nextLong(1_000_000);
      after.nextGaussian();
    }
    assertArrayEquals(expected, interleaved);
  }

  @Test
  void chanceHonoursItsExtremes() {
    Rng rng = new Simulation(3).rng("test");
    for (int i = 0; i < 10_000; i++) {
      assertFalse(rng.chance(0.0));
      assertTrue(rng.chance(1.0));
    }
  }

  @Test
  void gaussianDrawsHaveMeanZeroAndVarianceOne() {
    Rng rng = new Simulation(5).rng("test");
    int n = 50_000;
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      double x = rng.nextGaussian();
      sum += x;
      sumSquares += x * x;
    }
    double mean = sum / n;
    double variance = sumSquares / n - mean * mean;
    assertEquals(0.0, mean, 0.02, "standard error is about 0.0045");
    assertEquals(1.0, variance, 0.03);
  }

  private static long[] draws(Rng rng, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = rng.nextLong(1_000_000);
    }
    return values;
  }

  private static void assertNotEqualsArray(long[] a, long[] b, String what) {
    assertNotEquals(Arrays.toString(a), Arrays.toString(b), what + " should draw differently");
  }
}
