package dev.replab.engine.render;

import dev.replab.engine.cluster.Cluster;
import java.util.List;

/**
 * Draws the messages of a run as an SVG space-time diagram, from the cluster's own {@link Trace}: a
 * lane per client and node, time flowing down, an arrow per message from its sender when it left to
 * its receiver when it arrived. Stale replies, refusals, lost and dropped messages, messages still
 * in flight and cluster events (a crash, an election) are marked where they happened. The same
 * cluster and options always give the same bytes.
 *
 * <p>{@link #render} draws the diagram still; {@link #animate} draws the same diagram with SMIL
 * animations that play it from top to bottom, each message travelling from sender to receiver, then
 * hold the finished picture and start again. A page can pause and resume it through the SVG DOM
 * ({@code pauseAnimations()}, {@code unpauseAnimations()}); without animation support the animated
 * drawing shows its final frame, which is the still diagram.
 */
public final class SpaceTimeSvg {
  private static final String LANE_COLOR = "#94a3b8";
  private static final String CLIENT_LANE_COLOR = "#cbd5e1";
  private static final String EVENT_COLOR = "#be123c";
  private static final String TEXT_COLOR = "#1e293b";
  private static final String MUTED = "#64748b";
  private static final double HOLD_SECONDS = 3;

  /**
   * A caller's note on the diagram, drawn like a cluster event: a command that changed the network,
   * say. {@code node} is the lane to mark, or null for the whole cluster.
   */
  public record Mark(long atUs, String node, String text) {}

  /**
   * What to draw.
   *
   * @param sinceUs messages sent at or after this time
   * @param untilUs messages sent at or before this time; -1 for the cluster's present. A message
   *     that arrives later is drawn as still in flight.
   * @param heartbeats whether to draw heartbeats, pings and their replies
   * @param maxArrows at most this many messages, the newest; the diagram says how many it left out
   * @param marks notes to add to the cluster's own events
   * @param tooltips whether messages and events carry tooltips (for a browser, not for paper)
   */
  public record Options(
      long sinceUs,
      long untilUs,
      boolean heartbeats,
      int maxArrows,
      List<Mark> marks,
      boolean tooltips) {
    public Options {
      if (maxArrows < 1) {
        throw new IllegalArgumentException("maxArrows must be at least 1, not " + maxArrows);
      }
      marks = List.copyOf(marks);
    }

    /**
     * Everything sent from {@code sinceUs} to now, without heartbeats, at most 80 messages, with
     * tooltips.
     */
    public static Options since(long sinceUs) {
      return new Options(sinceUs, -1, false, 80, List.of(), true);
    }

    public Options withUntil(long untilUs) {
      return new Options(sinceUs, untilUs, heartbeats, maxArrows, marks, tooltips);
    }

    public Options withHeartbeats(boolean on) {
      return new Options(sinceUs, untilUs, on, maxArrows, marks, tooltips);
    }

    public Options withMaxArrows(int max) {
      return new Options(sinceUs, untilUs, heartbeats, max, marks, tooltips);
    }

    public Options withMarks(List<Mark> added) {
      return new Options(sinceUs, untilUs, heartbeats, maxArrows, added, tooltips);
    }

    /**
     * Whether each message and event carries a {@code <title>} that a browser shows on hover. Paper
     * has no hover: leaving them out makes the drawing smaller and quicker to convert.
     */
    public Options withTooltips(boolean on) {
      return new Options(sinceUs, untilUs, heartbeats, maxArrows, marks, on);
    }
  }

  private SpaceTimeSvg() {}

  /** The still diagram. */
  public static String render(Cluster cluster, Options options) {
    return draw(new SpaceTimeLayout(cluster, options), null, options.tooltips());
  }

  /** The animated diagram; its last frame, held before it repeats, is the still diagram. */
  public static String animate(Cluster cluster, Options options) {
    SpaceTimeLayout layout = new SpaceTimeLayout(cluster, options);
    return draw(layout, Clock.of(layout), options.tooltips());
  }

  /** How many messages a diagram with these options would show, before {@code maxArrows} cuts. */
  public static int count(Cluster cluster, Options options) {
    return SpaceTimeLayout.count(cluster, options);
  }

  /**
   * The animation's timing: the diagram is swept from top to bottom at a steady speed, so a message
   * is drawn while the sweep passes from its sending to its arrival, then the finished diagram is
   * held for a few seconds.
   */
  record Clock(double yStart, double yEnd, double sweepSeconds, double totalSeconds) {
    static Clock of(SpaceTimeLayout layout) {
      double span = Math.max(1, layout.yEnd - layout.yStart);
      double sweep = Math.max(5, Math.min(16, span / 55));
      return new Clock(layout.yStart, layout.yEnd, sweep, sweep + HOLD_SECONDS);
    }

    /** When the sweep reaches {@code y}, as a fraction of the whole cycle. */
    double at(double y) {
      double fraction = (y - yStart) / (yEnd - yStart);
      return Math.max(0, Math.min(1, fraction)) * sweepSeconds / totalSeconds;
    }

    String dur() {
      return Svg.num(totalSeconds) + "s";
    }
  }

  private static String draw(SpaceTimeLayout layout, Clock clock, boolean tooltips) {
    String extra =
        clock == null
            ? "class=\"replab-spacetime\""
            : "class=\"replab-spacetime replab-animation\" data-sweep-seconds=\""
                + Svg.num(clock.sweepSeconds())
                + "\" data-cycle-seconds=\""
                + Svg.num(clock.totalSeconds())
                + "\"";
    Svg svg =
        new Svg(
            layout.width,
            layout.height,
            "Space-time diagram of "
                + layout.arrows.size()
                + " messages between "
                + String.join(", ", layout.lanes),
            extra);
    svg.raw("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    gaps(svg, layout);
    lanes(svg, layout);
    timeLabels(svg, layout, clock);
    notes(svg, layout, clock, tooltips);
    for (SpaceTimeLayout.Arrow arrow : layout.arrows) {
      arrow(svg, arrow, clock, tooltips);
    }
    for (SpaceTimeLayout.Arrow arrow : layout.arrows) {
      label(svg, arrow, clock);
    }
    for (SpaceTimeLayout.Arrow arrow : layout.arrows) {
      if (arrow.lost()) {
        cross(svg, arrow, clock);
      }
    }
    if (clock != null) {
      cursor(svg, layout, clock);
    }
    legend(svg, layout);
    return svg.finish();
  }

  private static void gaps(Svg svg, SpaceTimeLayout layout) {
    double right = layout.laneX(layout.lanes.size() - 1) + SpaceTimeLayout.LANE / 2;
    for (SpaceTimeLayout.Gap gap : layout.gaps) {
      double height = gap.yBottom() - gap.yTop();
      svg.raw(
          "<rect x=\""
              + Svg.num(SpaceTimeLayout.GUTTER - 4)
              + "\" y=\""
              + Svg.num(gap.yTop())
              + "\" width=\""
              + Svg.num(right - SpaceTimeLayout.GUTTER + 4)
              + "\" height=\""
              + Svg.num(height)
              + "\" fill=\"#eef2f7\"/>");
      svg.raw(
          "<text x=\""
              + Svg.num(SpaceTimeLayout.GUTTER)
              + "\" y=\""
              + Svg.num(gap.yTop() + height / 2 + 3.5)
              + "\" fill=\""
              + MUTED
              + "\" font-size=\"9\" font-style=\"italic\">"
              + Svg.escape(gap.text())
              + "</text>\n");
    }
  }

  private static void lanes(Svg svg, SpaceTimeLayout layout) {
    if (layout.hidden > 0) {
      svg.raw(
          "<text x=\""
              + Svg.num(SpaceTimeLayout.GUTTER)
              + "\" y=\""
              + Svg.num(SpaceTimeLayout.HEADER + 8)
              + "\" fill=\""
              + MUTED
              + "\" font-style=\"italic\">"
              + Svg.escape(layout.hidden + " earlier messages not shown")
              + "</text>\n");
    }
    svg.raw(
        "<text x=\""
            + Svg.num(SpaceTimeLayout.GUTTER - 8)
            + "\" y=\"22\" text-anchor=\"end\" fill=\""
            + MUTED
            + "\" font-style=\"italic\">time</text>\n");
    for (int i = 0; i < layout.lanes.size(); i++) {
      String name = layout.lanes.get(i);
      boolean node = layout.nodes.contains(name);
      double x = layout.laneX(i);
      svg.raw(
          "<text x=\""
              + Svg.num(x)
              + "\" y=\"22\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\""
              + (node ? TEXT_COLOR : "#1d4ed8")
              + "\">"
              + Svg.escape(name)
              + "</text>");
      svg.raw(
          "<line x1=\""
              + Svg.num(x)
              + "\" y1=\"30\" x2=\""
              + Svg.num(x)
              + "\" y2=\""
              + Svg.num(layout.yEnd)
              + "\" stroke=\""
              + (node ? LANE_COLOR : CLIENT_LANE_COLOR)
              + "\" stroke-width=\""
              + (node ? "1.5" : "1")
              + "\""
              + (node ? "" : " stroke-dasharray=\"4 3\"")
              + "/>\n");
    }
  }

  private static void timeLabels(Svg svg, SpaceTimeLayout layout, Clock clock) {
    for (SpaceTimeLayout.TimeLabel label : layout.timeLabels) {
      svg.raw(
          "<g><text x=\""
              + Svg.num(SpaceTimeLayout.GUTTER - 8)
              + "\" y=\""
              + Svg.num(label.y() + 3.5)
              + "\" text-anchor=\"end\" fill=\""
              + MUTED
              + "\">"
              + Svg.escape(label.text())
              + "</text>");
      svg.raw(
          "<line x1=\""
              + Svg.num(SpaceTimeLayout.GUTTER - 4)
              + "\" y1=\""
              + Svg.num(label.y())
              + "\" x2=\""
              + Svg.num(SpaceTimeLayout.GUTTER)
              + "\" y2=\""
              + Svg.num(label.y())
              + "\" stroke=\""
              + LANE_COLOR
              + "\"/>"
              + appear(clock, label.y())
              + "</g>\n");
    }
  }

  private static void notes(Svg svg, SpaceTimeLayout layout, Clock clock, boolean tooltips) {
    double lanesRight = layout.laneX(layout.lanes.size() - 1);
    for (SpaceTimeLayout.Note note : layout.notes) {
      svg.raw("<g>");
      if (tooltips) {
        svg.title(note.tooltip());
      }
      double textMid = note.textY() - 3.5;
      if (note.acrossAll()) {
        svg.raw(
            "<line x1=\""
                + Svg.num(SpaceTimeLayout.GUTTER)
                + "\" y1=\""
                + Svg.num(note.y())
                + "\" x2=\""
                + Svg.num(lanesRight)
                + "\" y2=\""
                + Svg.num(note.y())
                + "\" stroke=\""
                + EVENT_COLOR
                + "\" stroke-width=\"1\" stroke-dasharray=\"6 3\" opacity=\"0.6\"/>");
        svg.raw(leader(lanesRight, note.y(), note.textX() - 4, textMid));
      } else {
        double x = note.laneX();
        svg.raw(leader(x + 6, note.y(), note.textX() - 4, textMid));
        svg.raw(
            "<polygon points=\""
                + Svg.num(x)
                + ","
                + Svg.num(note.y() - 6)
                + " "
                + Svg.num(x + 6)
                + ","
                + Svg.num(note.y())
                + " "
                + Svg.num(x)
                + ","
                + Svg.num(note.y() + 6)
                + " "
                + Svg.num(x - 6)
                + ","
                + Svg.num(note.y())
                + "\" fill=\""
                + EVENT_COLOR
                + "\"/>");
      }
      for (int i = 0; i < note.lines().size(); i++) {
        svg.raw(
            "<text x=\""
                + Svg.num(note.textX())
                + "\" y=\""
                + Svg.num(note.textY() + i * 12)
                + "\" fill=\""
                + EVENT_COLOR
                + "\">"
                + Svg.escape(note.lines().get(i))
                + "</text>");
      }
      svg.raw(appear(clock, note.y()));
      svg.raw("</g>\n");
    }
  }

  private static String leader(double x1, double y1, double x2, double y2) {
    return "<polyline points=\""
        + Svg.num(x1)
        + ","
        + Svg.num(y1)
        + " "
        + Svg.num(x2 - 8)
        + ","
        + Svg.num(y1)
        + " "
        + Svg.num(x2)
        + ","
        + Svg.num(y2)
        + "\" fill=\"none\" stroke=\""
        + EVENT_COLOR
        + "\" stroke-width=\"0.8\" stroke-dasharray=\"2 2\" opacity=\"0.7\"/>";
  }

  private static void arrow(Svg svg, SpaceTimeLayout.Arrow arrow, Clock clock, boolean tooltips) {
    String color = arrow.kind().color;
    boolean faint = arrow.kind() == SpaceTimeLayout.Kind.HEARTBEAT;
    svg.raw("<g>");
    if (tooltips) {
      svg.title(arrow.tooltip());
    }
    svg.raw(
        "<circle cx=\""
            + Svg.num(arrow.x1())
            + "\" cy=\""
            + Svg.num(arrow.y1())
            + "\" r=\"2\" fill=\""
            + color
            + "\">"
            + appear(clock, arrow.y1())
            + "</circle>");
    svg.raw(
        "<line x1=\""
            + Svg.num(arrow.x1())
            + "\" y1=\""
            + Svg.num(arrow.y1())
            + "\" x2=\""
            + Svg.num(arrow.x2())
            + "\" y2=\""
            + Svg.num(arrow.y2())
            + "\" stroke=\""
            + color
            + "\" stroke-width=\""
            + (faint ? "1" : "1.6")
            + "\""
            + (arrow.lost() ? " stroke-dasharray=\"5 3\"" : "")
            + ">");
    if (clock != null) {
      double start = clock.at(arrow.y1());
      double end = Math.max(start + 0.0005, clock.at(arrow.y2()));
      svg.raw(travel("x2", arrow.x1(), arrow.x2(), start, end, clock));
      svg.raw(travel("y2", arrow.y1(), arrow.y2(), start, end, clock));
    }
    svg.raw("</line>");
    // A lost message's cross is drawn after the labels (see cross), so that no label covers it.
    String appearAtEnd = appear(clock, arrow.y2());
    if (arrow.inFlight()) {
      svg.raw(
          "<circle cx=\""
              + Svg.num(arrow.x2())
              + "\" cy=\""
              + Svg.num(arrow.y2())
              + "\" r=\"3.5\" fill=\"#ffffff\" stroke=\""
              + color
              + "\" stroke-width=\"1.5\">"
              + appearAtEnd
              + "</circle>");
    } else if (!arrow.lost()) {
      svg.raw(
          "<polygon points=\""
              + head(arrow)
              + "\" fill=\""
              + color
              + "\">"
              + appearAtEnd
              + "</polygon>");
    }
    svg.raw("</g>\n");
  }

  /** The red cross where a lost or dropped message ended. */
  private static void cross(Svg svg, SpaceTimeLayout.Arrow arrow, Clock clock) {
    double x = arrow.x2();
    double y = arrow.y2();
    svg.raw(
        "<path d=\"M"
            + Svg.num(x - 4.5)
            + " "
            + Svg.num(y - 4.5)
            + "L"
            + Svg.num(x + 4.5)
            + " "
            + Svg.num(y + 4.5)
            + "M"
            + Svg.num(x - 4.5)
            + " "
            + Svg.num(y + 4.5)
            + "L"
            + Svg.num(x + 4.5)
            + " "
            + Svg.num(y - 4.5)
            + "\" stroke=\"#b91c1c\""
            + " stroke-width=\"2.2\" fill=\"none\">"
            + appear(clock, y)
            + "</path>\n");
  }

  /** A filled triangle at the arrow's end, pointing along it. */
  private static String head(SpaceTimeLayout.Arrow arrow) {
    double dx = arrow.x2() - arrow.x1();
    double dy = arrow.y2() - arrow.y1();
    double length = Math.max(0.001, Math.hypot(dx, dy));
    double ux = dx / length;
    double uy = dy / length;
    double baseX = arrow.x2() - ux * 8;
    double baseY = arrow.y2() - uy * 8;
    return Svg.num(arrow.x2())
        + ","
        + Svg.num(arrow.y2())
        + " "
        + Svg.num(baseX - uy * 3.5)
        + ","
        + Svg.num(baseY + ux * 3.5)
        + " "
        + Svg.num(baseX + uy * 3.5)
        + ","
        + Svg.num(baseY - ux * 3.5);
  }

  private static void label(Svg svg, SpaceTimeLayout.Arrow arrow, Clock clock) {
    SpaceTimeLayout.Box box = arrow.label();
    if (box == null) {
      return;
    }
    boolean strong =
        arrow.kind() == SpaceTimeLayout.Kind.STALE || arrow.kind() == SpaceTimeLayout.Kind.REFUSED;
    boolean faint = arrow.kind() == SpaceTimeLayout.Kind.HEARTBEAT;
    svg.raw("<g>");
    svg.raw(
        "<rect x=\""
            + Svg.num(box.x())
            + "\" y=\""
            + Svg.num(box.y())
            + "\" width=\""
            + Svg.num(box.width())
            + "\" height=\""
            + Svg.num(box.height())
            + "\" rx=\"2\" fill=\"#ffffff\"/>");
    svg.raw(
        "<text x=\""
            + Svg.num(box.x() + box.width() / 2)
            + "\" y=\""
            + Svg.num(box.y() + 9)
            + "\" text-anchor=\"middle\" fill=\""
            + (faint ? "#8a93a3" : arrow.kind().color)
            + "\""
            + (strong ? " font-weight=\"bold\"" : "")
            + ">"
            + Svg.escape(arrow.text())
            + "</text>");
    svg.raw(appear(clock, arrow.y1()));
    svg.raw("</g>\n");
  }

  private static void cursor(Svg svg, SpaceTimeLayout layout, Clock clock) {
    String keyTimes = "0;" + Svg.keyTime(clock.sweepSeconds() / clock.totalSeconds()) + ";1";
    String values =
        Svg.num(layout.yStart) + ";" + Svg.num(layout.yEnd) + ";" + Svg.num(layout.yEnd);
    double right = layout.laneX(layout.lanes.size() - 1) + SpaceTimeLayout.LANE / 2;
    svg.raw(
        "<line class=\"replab-cursor\" x1=\""
            + Svg.num(SpaceTimeLayout.GUTTER - 4)
            + "\" y1=\""
            + Svg.num(layout.yEnd)
            + "\" x2=\""
            + Svg.num(right)
            + "\" y2=\""
            + Svg.num(layout.yEnd)
            + "\" stroke=\"#e11d48\" stroke-width=\"1\" stroke-dasharray=\"3 3\" opacity=\"0\">");
    svg.raw(
        repeat(
            "<animate attributeName=\"y1\" values=\"" + values + "\" keyTimes=\"" + keyTimes + "\"",
            clock));
    svg.raw(
        repeat(
            "<animate attributeName=\"y2\" values=\"" + values + "\" keyTimes=\"" + keyTimes + "\"",
            clock));
    svg.raw(
        repeat(
            "<animate attributeName=\"opacity\" values=\"0.8;0\" keyTimes=\"0;"
                + Svg.keyTime(clock.sweepSeconds() / clock.totalSeconds())
                + "\" calcMode=\"discrete\"",
            clock));
    svg.raw("</line>\n");
  }

  private static void legend(Svg svg, SpaceTimeLayout layout) {
    List<String[]> entries = layout.legend();
    double[][] positions = layout.legendPositions();
    for (int i = 0; i < entries.size(); i++) {
      String[] entry = entries.get(i);
      double x = positions[i][0];
      double y = layout.legendY + positions[i][1] * 16;
      String color = entry[1];
      svg.raw(
          switch (entry[2]) {
            case "cross" ->
                "<path d=\"M"
                    + Svg.num(x + 6)
                    + " "
                    + Svg.num(y - 4)
                    + "L"
                    + Svg.num(x + 14)
                    + " "
                    + Svg.num(y + 4)
                    + "M"
                    + Svg.num(x + 6)
                    + " "
                    + Svg.num(y + 4)
                    + "L"
                    + Svg.num(x + 14)
                    + " "
                    + Svg.num(y - 4)
                    + "\" stroke=\""
                    + color
                    + "\" stroke-width=\"2\"/>";
            case "open" ->
                "<circle cx=\""
                    + Svg.num(x + 10)
                    + "\" cy=\""
                    + Svg.num(y)
                    + "\" r=\"3.5\" fill=\"#ffffff\" stroke=\""
                    + color
                    + "\" stroke-width=\"1.5\"/>";
            case "dashed" ->
                "<line x1=\""
                    + Svg.num(x)
                    + "\" y1=\""
                    + Svg.num(y)
                    + "\" x2=\""
                    + Svg.num(x + 20)
                    + "\" y2=\""
                    + Svg.num(y)
                    + "\" stroke=\""
                    + color
                    + "\" stroke-width=\"1\" stroke-dasharray=\"6 3\"/>";
            case "diamond" ->
                "<polygon points=\""
                    + Svg.num(x + 10)
                    + ","
                    + Svg.num(y - 5)
                    + " "
                    + Svg.num(x + 15)
                    + ","
                    + Svg.num(y)
                    + " "
                    + Svg.num(x + 10)
                    + ","
                    + Svg.num(y + 5)
                    + " "
                    + Svg.num(x + 5)
                    + ","
                    + Svg.num(y)
                    + "\" fill=\""
                    + color
                    + "\"/>";
            default ->
                "<line x1=\""
                    + Svg.num(x)
                    + "\" y1=\""
                    + Svg.num(y)
                    + "\" x2=\""
                    + Svg.num(x + 20)
                    + "\" y2=\""
                    + Svg.num(y)
                    + "\" stroke=\""
                    + color
                    + "\" stroke-width=\"2\"/>";
          });
      svg.raw(
          "<text x=\""
              + Svg.num(x + 26)
              + "\" y=\""
              + Svg.num(y + 3.5)
              + "\" fill=\""
              + MUTED
              + "\">"
              + Svg.escape(entry[0])
              + "</text>\n");
    }
  }

  // ---------------------------------------------------------------- animation elements

  /** Moves an end of a line from {@code from} to {@code to} between two moments of the cycle. */
  private static String travel(
      String attribute, double from, double to, double start, double end, Clock clock) {
    String values;
    String keyTimes;
    if (start <= 0) {
      values = Svg.num(from) + ";" + Svg.num(to) + ";" + Svg.num(to);
      keyTimes = "0;" + Svg.keyTime(end) + ";1";
    } else {
      values = Svg.num(from) + ";" + Svg.num(from) + ";" + Svg.num(to) + ";" + Svg.num(to);
      keyTimes = "0;" + Svg.keyTime(start) + ";" + Svg.keyTime(end) + ";1";
    }
    return repeat(
        "<animate attributeName=\""
            + attribute
            + "\" values=\""
            + values
            + "\" keyTimes=\""
            + keyTimes
            + "\"",
        clock);
  }

  /** Hides its parent until the sweep reaches {@code y}; nothing for a still diagram. */
  private static String appear(Clock clock, double y) {
    if (clock == null) {
      return "";
    }
    double at = clock.at(y);
    if (at <= 0) {
      return "";
    }
    return repeat(
        "<animate attributeName=\"opacity\" values=\"0;1\" keyTimes=\"0;"
            + Svg.keyTime(at)
            + "\" calcMode=\"discrete\"",
        clock);
  }

  private static String repeat(String openAnimate, Clock clock) {
    return openAnimate + " dur=\"" + clock.dur() + "\" repeatCount=\"indefinite\"/>";
  }
}
