package dev.replab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ctrl-C stops a running command between events; a frame sink receives watch's frames. */
class InterruptAndWatchTests {
  @Test
  void anInterruptStopsALongTickWhereItGotTo() {
    Session session = new Session(1);
    session.execute("create leader-follower nodes=3");
    session.setFrameSink(
        (lines, nowUs, stepUs) -> {
          session.interrupt();
          return true;
        });
    Executed stopped = session.execute("watch 10s").get(0);
    Executed after = session.execute("status").get(0);
    assertFalse(stopped.ok(), "the watch was interrupted");
    assertTrue(stopped.error().startsWith("stopped: interrupted at t="), stopped.error());
    assertTrue(after.ok(), "the next command is not interrupted");
    assertTrue(session.nowUs() < 10_000_000, "time stopped early: " + session.nowUs());
    assertFalse(
        session.journal().contains("watch 10s"), "an interrupted command is not journalled");
  }

  @Test
  void aFrameSinkReceivesFramesAtTheRequestedSpeedAndCanStop() {
    Session session = new Session(1);
    session.execute("create leader-follower nodes=3");
    List<Long> times = new ArrayList<>();
    session.setFrameSink(
        (lines, nowUs, stepUs) -> {
          times.add(nowUs);
          assertTrue(lines.get(1).contains("n1"), lines.toString());
          return times.size() < 5;
        });
    Executed watched = session.execute("watch 10s speed=10x").get(0);
    assertTrue(watched.ok());
    assertEquals(5, times.size());
    assertEquals(
        500_000,
        times.get(2) - times.get(1),
        "speed=10x moves 0.5s of simulated time per 50ms frame");
    assertTrue(watched.text().startsWith("stopped watching after"), watched.text());
  }
}
