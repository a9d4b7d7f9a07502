package dev.replab.engine.leaderless;

import dev.replab.engine.command.Result;
import dev.replab.engine.render.Sparkline;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs {@code staleness} and prints its curve: a table, a sparkline and when reads are fresh. */
final class StalenessView {
  private StalenessView() {}

  static Result run(LeaderlessCommands.StalenessCurve command, long seed) {
    Staleness staleness =
        new Staleness(command.n(), command.w(), command.r(), command.legs(), seed);
    List<Staleness.Point> points = staleness.measure(command.tsUs(), command.trials());
    List<LeaderlessResults.Point> rows = new ArrayList<>();
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "staleness: n=%d w=%d r=%d, %s; %d trials through the real coordinators and replicas%n",
                command.n(),
                command.w(),
                command.r(),
                describe(command.legs()),
                command.trials()));
    text.append(
        String.format(
            Locale.ROOT, "%10s %10s %12s %8s%n", "t", "measured", "WARS model", "trials"));
    List<Double> curve = new ArrayList<>();
    for (Staleness.Point point : points) {
      rows.add(
          new LeaderlessResults.Point(
              Durations.toMs(point.tUs()), point.p(), point.model(), point.trials()));
      curve.add(point.p());
      text.append(
          String.format(
              Locale.ROOT,
              "%10s %10.4f %12.4f %8d%n",
              Durations.format(point.tUs()),
              point.p(),
              point.model(),
              point.trials()));
    }
    text.append("p(fresh) as t grows: ")
        .append(Sparkline.of(curve, curve.size(), true))
        .append('\n');
    Double t999 = t999(points);
    text.append(
        t999 == null
            ? "reads were not 99.9% fresh at any t measured; try larger t= values\n"
            : String.format(
                Locale.ROOT,
                "99.9%% of reads are fresh from t=%s on%s%n",
                Durations.format(Math.round(t999 * 1_000)),
                command.w() + command.r() > command.n()
                    ? " (w + r > n: every read quorum overlaps the write's, so from the start)"
                    : ""));
    Double kMeasured = null;
    Double kClosed = null;
    if (command.k() > 0) {
      kMeasured = staleness.measureKStaleness(command.k(), Math.max(100, command.trials() / 10));
      kClosed = Staleness.closedFormKStaleness(command.n(), command.w(), command.r(), command.k());
      text.append(
          String.format(
              Locale.ROOT,
              "k=%d: a read right after the k-th of k writes returns one of them with p=%.4f"
                  + " measured; the paper's closed form for quorums picked at random gives %.4f%n",
              command.k(),
              kMeasured,
              kClosed));
    }
    return new LeaderlessResults.Curve(
        command.n(),
        command.w(),
        command.r(),
        describe(command.legs()),
        command.trials(),
        rows,
        t999,
        command.k() > 0 ? command.k() : null,
        kMeasured,
        kClosed,
        text.toString().stripTrailing());
  }

  private static String describe(List<Staleness.Legs> legs) {
    String first = legs.get(0).describe();
    boolean same = legs.stream().allMatch(leg -> leg.describe().equals(first));
    return same
        ? first
        : "per replica: " + String.join("; ", legs.stream().map(Staleness.Legs::describe).toList());
  }

  /**
   * The first t at which at least 99.9% of measured reads were fresh, interpolated linearly between
   * the two points around it; null when no point reached it.
   */
  static Double t999(List<Staleness.Point> points) {
    for (int i = 0; i < points.size(); i++) {
      Staleness.Point point = points.get(i);
      if (point.p() >= 0.999) {
        if (i == 0) {
          return Durations.toMs(point.tUs());
        }
        Staleness.Point before = points.get(i - 1);
        double span = point.p() - before.p();
        double share = span <= 0 ? 1 : (0.999 - before.p()) / span;
        return Durations.toMs(before.tUs()) + share * Durations.toMs(point.tUs() - before.tUs());
      }
    }
    return null;
  }
}
