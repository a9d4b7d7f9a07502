package dev.replab.exercises.ex03;

import dev.replab.engine.api.LagMonitor;
import dev.replab.engine.api.LagMonitor.Inputs;
import dev.replab.engine.api.LagMonitor.Reading;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.Blame;
import dev.replab.exercises.CaseVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Table-driven checks of {@link LagMonitor#measure}: each case is one follower at one moment, the
 * reading it calls for, and why. A failure lists every case that went wrong.
 */
final class LagCases {
  private LagCases() {}

  /** One moment and the reading it calls for. */
  record Case(Inputs inputs, Reading expected, String why) {
    String situation() {
      return describe(inputs);
    }
  }

  /** The first half of a case: what the monitor sees. */
  record Moment(Inputs inputs) {
    Case expect(long entries, String lag, String replayLag, String why) {
      return new Case(inputs, new Reading(entries, us(lag), us(replayLag)), why);
    }
  }

  /**
   * A moment; times are durations of the command language ({@code "60s"}), and {@code "-"} stands
   * for "no such entry" (-1).
   */
  static Moment at(
      String now,
      long leaderOffset,
      long appliedOffset,
      String appliedWritten,
      String firstMissingWritten) {
    return new Moment(
        new Inputs(
            us(now), leaderOffset, appliedOffset, us(appliedWritten), us(firstMissingWritten)));
  }

  private static long us(String time) {
    return time.equals("-") ? -1 : Durations.parseUs(time);
  }

  static String describe(Inputs in) {
    String applied =
        in.appliedWrittenUs() < 0
            ? "nothing applied yet"
            : "its last applied entry written at " + Durations.format(in.appliedWrittenUs());
    String missing =
        in.firstMissingWrittenUs() < 0
            ? "nothing missing"
            : "its oldest missing entry written at " + Durations.format(in.firstMissingWrittenUs());
    return "at t="
        + Durations.format(in.nowUs())
        + ", leader at offset "
        + in.leaderOffset()
        + ", follower applied up to "
        + in.appliedOffset()
        + " ("
        + applied
        + ", "
        + missing
        + ")";
  }

  static String show(Reading reading) {
    if (reading == null) {
      return "null";
    }
    return "entries "
        + reading.entries()
        + ", lag "
        + time(reading.lagUs())
        + ", replay lag "
        + time(reading.replayLagUs());
  }

  private static String time(long us) {
    return us < 0 ? us + "us" : Durations.format(us);
  }

  /** Asks the monitor about every case; fails listing each wrong answer. */
  static void check(LagMonitor monitor, Case... cases) {
    List<String> wrong = new ArrayList<>();
    Throwable firstThrown = null;
    for (Case c : cases) {
      Reading got;
      try {
        got = monitor.measure(c.inputs());
      } catch (RuntimeException | StackOverflowError e) {
        wrong.add(
            c.situation()
                + ": expected "
                + show(c.expected())
                + ", but "
                + Blame.describe(e, monitor.getClass()));
        firstThrown = firstThrown == null ? e : firstThrown;
        continue;
      }
      if (!c.expected().equals(got)) {
        wrong.add(
            c.situation()
                + ": expected "
                + show(c.expected())
                + ", got "
                + show(got)
                + " ("
                + c.why()
                + ")");
      }
    }
    CaseVerdict.failIfWrong(wrong, cases.length, firstThrown);
  }
}
