package dev.replab.engine.render;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.history.Operation;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws clusters of different sizes racing through the same workload, as SVG: a bar per cluster
 * that fills as its nodes answer requests, one coloured segment per node, and the throughput each
 * cluster measured. Every request counted is an operation in the cluster's history, so the bars
 * show which nodes really served the work: the leader alone takes the writes, the followers share
 * the reads.
 *
 * <p>{@link #animate} plays the race on one simulated clock for all clusters and then holds the
 * finished picture, which is what {@link #render} draws.
 */
public final class ThroughputRaceSvg {
  private static final double LABEL_X = 8;
  private static final double BAR_X = 78;
  private static final double BAR_WIDTH = 380;
  private static final double ROW = 42;
  private static final double BAR_HEIGHT = 20;
  private static final double TOP = 40;
  private static final double WIDTH = 650;
  private static final int SAMPLES = 60;
  private static final int CLOCK_STEPS = 25;
  private static final double SWEEP_SECONDS = 8;
  private static final double HOLD_SECONDS = 3;
  private static final String LEADER_COLOR = "#1e3a8a";
  private static final String[] FOLLOWER_COLORS = {
    "#0d9488", "#16a34a", "#0891b2", "#65a30d", "#0f766e", "#15803d", "#0e7490", "#4d7c0f"
  };
  private static final String MUTED = "#64748b";

  /** One request answered: when, after the workload started, and by which node. */
  public record Served(long atUs, String node) {}

  /**
   * One contestant: a cluster's nodes (leader first), the requests they answered, and what the
   * workload measured.
   */
  public record Lane(
      String label,
      List<String> nodes,
      List<Served> served,
      long elapsedUs,
      double throughputOpsS) {
    public Lane {
      nodes = List.copyOf(nodes);
      served = served.stream().sorted(Comparator.comparingLong(Served::atUs)).toList();
    }

    /**
     * The requests a cluster answered from {@code sinceUs} on, from its history: every completed
     * operation, counted for the node it went to.
     */
    public static Lane of(String label, Cluster cluster, long sinceUs, double throughputOpsS) {
      List<Served> served = new ArrayList<>();
      long last = sinceUs;
      for (Operation op : cluster.history().operations()) {
        if (op.invokeUs() >= sinceUs && op.completeUs() >= 0) {
          served.add(new Served(op.completeUs() - sinceUs, op.node()));
          last = Math.max(last, op.completeUs());
        }
      }
      List<String> nodes = new ArrayList<>(cluster.model().writers());
      for (String id : cluster.nodeIds()) {
        if (!nodes.contains(id)) {
          nodes.add(id);
        }
      }
      return new Lane(label, nodes, served, last - sinceUs, throughputOpsS);
    }

    /** How many requests {@code node} had answered by {@code atUs}. */
    int servedBy(String node, long atUs) {
      int count = 0;
      for (Served one : served) {
        if (one.atUs() > atUs) {
          break;
        }
        if (one.node().equals(node)) {
          count++;
        }
      }
      return count;
    }
  }

  private ThroughputRaceSvg() {}

  /** The finished race. */
  public static String render(List<Lane> lanes) {
    return draw(lanes, false);
  }

  /** The race played on one clock, then held finished before it repeats. */
  public static String animate(List<Lane> lanes) {
    return draw(lanes, true);
  }

  private static String draw(List<Lane> lanes, boolean animated) {
    if (lanes.isEmpty()) {
      throw new IllegalArgumentException("a race needs at least one lane");
    }
    long endUs = 1;
    int most = 1;
    for (Lane lane : lanes) {
      endUs = Math.max(endUs, lane.elapsedUs());
      most = Math.max(most, lane.served().size());
    }
    double perRequest = BAR_WIDTH / most;
    double height = TOP + lanes.size() * ROW + 62;
    double total = SWEEP_SECONDS + HOLD_SECONDS;
    String extra =
        animated
            ? "class=\"replab-race replab-animation\" data-sweep-seconds=\""
                + Svg.num(SWEEP_SECONDS)
                + "\" data-cycle-seconds=\""
                + Svg.num(total)
                + "\""
            : "class=\"replab-race\"";
    Svg svg =
        new Svg(
            WIDTH,
            height,
            "Requests answered over time by clusters of " + lanes.size() + " sizes",
            extra);
    svg.raw("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    svg.raw(
        "<text x=\""
            + Svg.num(BAR_X)
            + "\" y=\"20\" fill=\"#1e293b\" font-size=\"11\" font-weight=\"bold\">requests answered, node by node</text>");
    svg.raw(
        "<text x=\""
            + Svg.num(BAR_X + BAR_WIDTH + 12)
            + "\" y=\"20\" fill=\"#1e293b\" font-size=\"11\" font-weight=\"bold\">measured</text>\n");
    if (animated) {
      clock(svg, endUs, total);
    }
    for (int row = 0; row < lanes.size(); row++) {
      lane(svg, lanes.get(row), TOP + row * ROW, perRequest, endUs, animated ? total : 0);
    }
    axis(svg, most, TOP + lanes.size() * ROW + 4);
    return svg.finish();
  }

  private static void lane(
      Svg svg, Lane lane, double top, double perRequest, long endUs, double total) {
    boolean animated = total > 0;
    double barY = top + 4;
    svg.raw(
        "<text x=\""
            + Svg.num(LABEL_X)
            + "\" y=\""
            + Svg.num(barY + 14)
            + "\" fill=\"#1e293b\" font-size=\"11\">"
            + Svg.escape(lane.label())
            + "</text>");
    svg.raw(
        "<rect x=\""
            + Svg.num(BAR_X)
            + "\" y=\""
            + Svg.num(barY)
            + "\" width=\""
            + Svg.num(BAR_WIDTH)
            + "\" height=\""
            + Svg.num(BAR_HEIGHT)
            + "\" fill=\"#f1f5f9\" stroke=\"#cbd5e1\" stroke-width=\"0.8\"/>\n");
    double[] finalX = new double[lane.nodes().size()];
    double[] finalWidth = new double[lane.nodes().size()];
    double x = BAR_X;
    for (int i = 0; i < lane.nodes().size(); i++) {
      finalX[i] = x;
      finalWidth[i] = lane.servedBy(lane.nodes().get(i), Long.MAX_VALUE) * perRequest;
      x += finalWidth[i];
    }
    double fractionDone = (double) lane.elapsedUs() / endUs * SWEEP_SECONDS / Math.max(1, total);
    for (int i = 0; i < lane.nodes().size(); i++) {
      String node = lane.nodes().get(i);
      String color = i == 0 ? LEADER_COLOR : FOLLOWER_COLORS[(i - 1) % FOLLOWER_COLORS.length];
      svg.raw(
          "<g><title>"
              + Svg.escape(
                  node
                      + (i == 0 ? " (leader)" : " (follower)")
                      + " answered "
                      + lane.servedBy(node, Long.MAX_VALUE)
                      + " requests")
              + "</title>");
      svg.raw(
          "<rect x=\""
              + Svg.num(finalX[i])
              + "\" y=\""
              + Svg.num(barY)
              + "\" width=\""
              + Svg.num(finalWidth[i])
              + "\" height=\""
              + Svg.num(BAR_HEIGHT)
              + "\" fill=\""
              + color
              + "\" stroke=\"#ffffff\" stroke-width=\"0.6\">");
      if (animated) {
        segmentAnimation(svg, lane, i, perRequest, endUs, total);
      }
      svg.raw("</rect>");
      if (finalWidth[i] >= 20) {
        svg.raw(
            "<text x=\""
                + Svg.num(finalX[i] + finalWidth[i] / 2)
                + "\" y=\""
                + Svg.num(barY + 14)
                + "\" text-anchor=\"middle\" fill=\"#ffffff\">"
                + Svg.escape(node)
                + (animated ? appearAt(fractionDone, total) : "")
                + "</text>");
      }
      svg.raw("</g>\n");
    }
    String took = Svg.escape(lane.served().size() + " in " + Durations.format(lane.elapsedUs()));
    String rate = Svg.escape(String.format(Locale.ROOT, "%,.0f ops/s", lane.throughputOpsS()));
    svg.raw(
        "<g><text x=\""
            + Svg.num(BAR_X + BAR_WIDTH + 12)
            + "\" y=\""
            + Svg.num(barY + 9)
            + "\" fill=\""
            + MUTED
            + "\">"
            + took
            + "</text>");
    svg.raw(
        "<text x=\""
            + Svg.num(BAR_X + BAR_WIDTH + 12)
            + "\" y=\""
            + Svg.num(barY + 21)
            + "\" fill=\"#1e293b\" font-weight=\"bold\">"
            + rate
            + "</text>"
            + (animated ? appearAt(fractionDone, total) : "")
            + "</g>\n");
  }

  /** Grows a node's segment, and slides it right as the segments before it grow. */
  private static void segmentAnimation(
      Svg svg, Lane lane, int index, double perRequest, long endUs, double total) {
    StringBuilder xs = new StringBuilder();
    StringBuilder widths = new StringBuilder();
    StringBuilder keyTimes = new StringBuilder();
    for (int sample = 0; sample <= SAMPLES; sample++) {
      long atUs = endUs * sample / SAMPLES;
      double x = BAR_X;
      for (int i = 0; i < index; i++) {
        x += lane.servedBy(lane.nodes().get(i), atUs) * perRequest;
      }
      double width = lane.servedBy(lane.nodes().get(index), atUs) * perRequest;
      String separator = sample == 0 ? "" : ";";
      xs.append(separator).append(Svg.num(x));
      widths.append(separator).append(Svg.num(width));
      keyTimes
          .append(separator)
          .append(Svg.keyTime((double) sample / SAMPLES * SWEEP_SECONDS / total));
    }
    // Hold the finished bar until the cycle ends.
    String lastX = xs.substring(xs.lastIndexOf(";") + 1);
    String lastWidth = widths.substring(widths.lastIndexOf(";") + 1);
    xs.append(';').append(lastX);
    widths.append(';').append(lastWidth);
    keyTimes.append(";1");
    String timing =
        "\" keyTimes=\""
            + keyTimes
            + "\" dur=\""
            + Svg.num(total)
            + "s\" repeatCount=\"indefinite\"/>";
    svg.raw("<animate attributeName=\"x\" values=\"" + xs + timing);
    svg.raw("<animate attributeName=\"width\" values=\"" + widths + timing);
  }

  /** A simulated clock in the corner, one text per step shown in turn. */
  private static void clock(Svg svg, long endUs, double total) {
    double x = BAR_X + BAR_WIDTH;
    for (int step = 0; step <= CLOCK_STEPS; step++) {
      long atUs = endUs * step / CLOCK_STEPS;
      double from = (double) step / CLOCK_STEPS * SWEEP_SECONDS / total;
      double to = (double) (step + 1) / CLOCK_STEPS * SWEEP_SECONDS / total;
      String values;
      String keyTimes;
      if (step == 0) {
        values = "1;0";
        keyTimes = "0;" + Svg.keyTime(to);
      } else if (step == CLOCK_STEPS) {
        values = "0;1";
        keyTimes = "0;" + Svg.keyTime(from);
      } else {
        values = "0;1;0";
        keyTimes = "0;" + Svg.keyTime(from) + ";" + Svg.keyTime(to);
      }
      svg.raw(
          "<text x=\""
              + Svg.num(x)
              + "\" y=\"20\" text-anchor=\"end\" fill=\"#e11d48\" opacity=\""
              + (step == CLOCK_STEPS ? "1" : "0")
              + "\">"
              + Svg.escape("t = " + Durations.format(atUs))
              + "<animate attributeName=\"opacity\" values=\""
              + values
              + "\" keyTimes=\""
              + keyTimes
              + "\" calcMode=\"discrete\" dur=\""
              + Svg.num(total)
              + "s\" repeatCount=\"indefinite\"/></text>\n");
    }
  }

  private static void axis(Svg svg, int most, double y) {
    svg.raw(
        "<line x1=\""
            + Svg.num(BAR_X)
            + "\" y1=\""
            + Svg.num(y)
            + "\" x2=\""
            + Svg.num(BAR_X + BAR_WIDTH)
            + "\" y2=\""
            + Svg.num(y)
            + "\" stroke=\"#94a3b8\"/>");
    for (int tick = 0; tick <= 4; tick++) {
      double x = BAR_X + BAR_WIDTH * tick / 4;
      svg.raw(
          "<line x1=\""
              + Svg.num(x)
              + "\" y1=\""
              + Svg.num(y)
              + "\" x2=\""
              + Svg.num(x)
              + "\" y2=\""
              + Svg.num(y + 4)
              + "\" stroke=\"#94a3b8\"/>");
      svg.raw(
          "<text x=\""
              + Svg.num(x)
              + "\" y=\""
              + Svg.num(y + 15)
              + "\" text-anchor=\"middle\" fill=\""
              + MUTED
              + "\">"
              + Math.round((double) most * tick / 4)
              + "</text>");
    }
    double legendY = y + 36;
    svg.raw(
        "<rect x=\""
            + Svg.num(BAR_X)
            + "\" y=\""
            + Svg.num(legendY - 8)
            + "\" width=\"12\" height=\"10\" fill=\""
            + LEADER_COLOR
            + "\"/>");
    svg.raw(
        "<text x=\""
            + Svg.num(BAR_X + 17)
            + "\" y=\""
            + Svg.num(legendY)
            + "\" fill=\""
            + MUTED
            + "\">leader: every write</text>");
    double followersX = BAR_X + 170;
    for (int i = 0; i < 3; i++) {
      svg.raw(
          "<rect x=\""
              + Svg.num(followersX + i * 8)
              + "\" y=\""
              + Svg.num(legendY - 8)
              + "\" width=\"8\" height=\"10\" fill=\""
              + FOLLOWER_COLORS[i]
              + "\"/>");
    }
    svg.raw(
        "<text x=\""
            + Svg.num(followersX + 29)
            + "\" y=\""
            + Svg.num(legendY)
            + "\" fill=\""
            + MUTED
            + "\">followers: the reads</text>\n");
  }

  private static String appearAt(double fraction, double total) {
    if (fraction <= 0) {
      return "";
    }
    return "<animate attributeName=\"opacity\" values=\"0;1\" keyTimes=\"0;"
        + Svg.keyTime(fraction)
        + "\" calcMode=\"discrete\" dur=\""
        + Svg.num(total)
        + "s\" repeatCount=\"indefinite\"/>";
  }
}
