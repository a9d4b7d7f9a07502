package dev.replab.engine.render;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.history.Operation;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The geometry of a space-time diagram, worked out once and drawn by {@link SpaceTimeSvg} either
 * still or animated: a lane per client and node, time flowing down, an arrow per message from the
 * moment it left its sender to the moment it arrived, and notes for cluster events.
 *
 * <p>Time is drawn to scale where things happen and squeezed where nothing does: a second of
 * silence between two one-millisecond round trips becomes a short band marked with its length.
 */
final class SpaceTimeLayout {
  static final double GUTTER = 62;
  static final double LANE = 100;
  static final double HEADER = 40;
  static final double LABEL_HEIGHT = 12;
  private static final double TARGET_LATENCY_PX = 28;
  private static final double BREAK_PX = 96;
  private static final double BREAK_GAP = 26;
  private static final double MIN_IN_FLIGHT_PX = 30;
  private static final double MIN_STEP_PX = 7;
  private static final int NOTE_CHARS = 32;
  private static final double NOTE_LINE = 12;

  /** Where along a lost message's path its cross is drawn: it was dropped on arrival. */
  private static final double LOST_AT = 0.8;

  /** What a message is, for its colour and the legend. */
  enum Kind {
    REQUEST("client request", "#2563eb"),
    REPLY("reply", "#15803d"),
    STALE("stale reply", "#c2410c"),
    REFUSED("refused", "#b91c1c"),
    APPEND("replication", "#7c3aed"),
    ACK("ack", "#64748b"),
    HEARTBEAT("heartbeat", "#a3aab6"),
    ELECTION("election", "#b45309"),
    MONITOR("monitor", "#0e7490"),
    REPAIR("repair", "#be185d");

    final String legend;
    final String color;

    Kind(String legend, String color) {
      this.legend = legend;
      this.color = color;
    }
  }

  /** A rectangle, for labels that must not cover each other. */
  record Box(double x, double y, double width, double height) {
    boolean overlaps(Box other) {
      return x < other.x + other.width
          && other.x < x + width
          && y < other.y + other.height
          && other.y < y + height;
    }

    double overlap(Box other) {
      double w = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
      double h = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
      return w > 0 && h > 0 ? w * h : 0;
    }
  }

  /**
   * One message. {@code (x2, y2)} is where its line ends: the receiver, the cross of a lost
   * message, or the bottom edge for one still in flight. {@code label} is null when there was no
   * room for it (only the labels of heartbeats and of messages still in flight give way).
   */
  record Arrow(
      double x1,
      double y1,
      double x2,
      double y2,
      Kind kind,
      Trace.Fate fate,
      boolean inFlight,
      String text,
      Box label,
      String tooltip) {
    boolean lost() {
      return fate != Trace.Fate.DELIVERED && !inFlight;
    }

    boolean pointsRight() {
      return x2 >= x1;
    }
  }

  /**
   * A cluster event or a caller's mark: a diamond on a lane (or a line across all) and its text.
   */
  record Note(
      double y, double laneX, List<String> lines, double textX, double textY, String tooltip) {
    boolean acrossAll() {
      return laneX < 0;
    }
  }

  record TimeLabel(double y, String text) {}

  record Gap(double yTop, double yBottom, String text) {}

  final List<String> lanes;
  final Set<String> nodes;
  final List<Arrow> arrows = new ArrayList<>();
  final List<Note> notes = new ArrayList<>();
  final List<TimeLabel> timeLabels = new ArrayList<>();
  final List<Gap> gaps = new ArrayList<>();
  final Set<Kind> kinds = new TreeSet<>();
  final boolean anyLost;
  final boolean anyInFlight;
  final int hidden;
  final double yStart;
  final double yEnd;
  final double width;
  final double legendY;
  final double height;

  private final long[] times;
  private final double[] ys;
  private final List<Box> placed = new ArrayList<>();

  private record Selected(Trace.Hop hop, Kind kind) {}

  private record Event(long atUs, String node, String text) {}

  SpaceTimeLayout(Cluster cluster, SpaceTimeSvg.Options options) {
    long untilUs = options.untilUs() < 0 ? cluster.sim().nowUs() : options.untilUs();
    List<Selected> all = select(cluster, options, untilUs);
    hidden = Math.max(0, all.size() - options.maxArrows());
    List<Selected> shown = all.subList(hidden, all.size());
    long fromUs = hidden == 0 ? options.sinceUs() : shown.get(0).hop().sentUs();
    List<Event> events = events(cluster, options, fromUs, untilUs);
    nodes = new LinkedHashSet<>(cluster.nodeIds());
    lanes = lanes(cluster, shown, events);

    boolean inFlight = false;
    boolean lost = false;
    TreeSet<Long> keyTimes = new TreeSet<>();
    for (Selected one : shown) {
      keyTimes.add(one.hop().sentUs());
      if (one.hop().arriveUs() > untilUs) {
        inFlight = true;
        keyTimes.add(untilUs);
      } else {
        keyTimes.add(one.hop().arriveUs());
        lost |= one.hop().fate() != Trace.Fate.DELIVERED;
      }
    }
    events.forEach(event -> keyTimes.add(event.atUs()));
    if (keyTimes.isEmpty()) {
      keyTimes.add(fromUs);
    }
    anyInFlight = inFlight;
    anyLost = lost;
    yStart = HEADER + (hidden > 0 ? 18 : 8);
    times = keyTimes.stream().mapToLong(Long::longValue).toArray();
    ys = new double[times.length];
    scale(shown);

    double lastLaneX = laneX(lanes.size() - 1);
    double notesX = lastLaneX + 34;
    double bottom = ys[ys.length - 1];
    for (Event event : events) {
      bottom = Math.max(bottom, note(event, notesX));
    }
    for (Selected one : shown) {
      arrow(cluster, one, untilUs);
    }
    timeLabels();
    yEnd = bottom + 14;
    width = width();
    legendY = yEnd + 16;
    height = Math.ceil(legendY + legendRows() * 16 + 4);
  }

  // ---------------------------------------------------------------- what to draw

  private static List<Selected> select(
      Cluster cluster, SpaceTimeSvg.Options options, long untilUs) {
    List<Selected> selected = new ArrayList<>();
    for (Trace.Hop hop : cluster.trace().hops()) {
      if (hop.sentUs() < options.sinceUs() || hop.sentUs() > untilUs) {
        continue;
      }
      if (hop.message().background() && !options.heartbeats()) {
        continue;
      }
      selected.add(new Selected(hop, kindOf(cluster, hop)));
    }
    return selected;
  }

  /** Counts the messages a diagram with these options would draw, hidden ones included. */
  static int count(Cluster cluster, SpaceTimeSvg.Options options) {
    long untilUs = options.untilUs() < 0 ? cluster.sim().nowUs() : options.untilUs();
    return select(cluster, options, untilUs).size();
  }

  private static Kind kindOf(Cluster cluster, Trace.Hop hop) {
    return switch (hop.message().traffic()) {
      case REQUEST -> Kind.REQUEST;
      case REPLY -> {
        Operation op = cluster.history().get(hop.message().answersOpId());
        yield op != null && op.stale() ? Kind.STALE : Kind.REPLY;
      }
      case REFUSED -> Kind.REFUSED;
      case REPLICATION -> Kind.APPEND;
      case ACK -> Kind.ACK;
      case HEARTBEAT -> Kind.HEARTBEAT;
      case ELECTION -> Kind.ELECTION;
      case MONITOR -> Kind.MONITOR;
      case REPAIR -> Kind.REPAIR;
    };
  }

  private static List<Event> events(
      Cluster cluster, SpaceTimeSvg.Options options, long fromUs, long untilUs) {
    List<Event> events = new ArrayList<>();
    for (Cluster.ClusterEvent event : cluster.events()) {
      if (event.atUs() >= fromUs && event.atUs() <= untilUs) {
        events.add(new Event(event.atUs(), event.node(), event.text()));
      }
    }
    for (SpaceTimeSvg.Mark mark : options.marks()) {
      if (mark.atUs() >= fromUs && mark.atUs() <= untilUs) {
        events.add(new Event(mark.atUs(), mark.node(), mark.text()));
      }
    }
    // A stable sort: events at the same moment keep the order they happened (or were marked) in.
    events.sort((a, b) -> Long.compare(a.atUs(), b.atUs()));
    return events;
  }

  /** Clients (and the monitor) in order of first appearance on the left, then every node. */
  private static List<String> lanes(Cluster cluster, List<Selected> shown, List<Event> events) {
    Set<String> outside = new LinkedHashSet<>();
    for (Selected one : shown) {
      for (String name : List.of(one.hop().source(), one.hop().target())) {
        if (!cluster.nodeIds().contains(name)) {
          outside.add(name);
        }
      }
    }
    for (Event event : events) {
      if (event.node() != null && !cluster.nodeIds().contains(event.node())) {
        outside.add(event.node());
      }
    }
    List<String> lanes = new ArrayList<>(outside);
    lanes.addAll(cluster.nodeIds());
    return lanes;
  }

  // ---------------------------------------------------------------- time to y

  /**
   * Places the moments where something happens: to scale, at a scale where a typical message takes
   * {@value #TARGET_LATENCY_PX} pixels, except that a stretch longer than {@value #BREAK_PX} pixels
   * becomes a gap band of fixed height and two moments are never closer than {@value #MIN_STEP_PX}
   * pixels.
   */
  private void scale(List<Selected> shown) {
    long[] latencies =
        shown.stream()
            .filter(
                one ->
                    one.hop().fate() == Trace.Fate.DELIVERED && !one.hop().message().background())
            .mapToLong(one -> one.hop().arriveUs() - one.hop().sentUs())
            .sorted()
            .toArray();
    long typicalUs = latencies.length == 0 ? 1_000 : latencies[latencies.length / 2];
    double pxPerUs = TARGET_LATENCY_PX / Math.max(100, Math.min(200_000, typicalUs));
    ys[0] = yStart;
    for (int i = 1; i < times.length; i++) {
      long deltaUs = times[i] - times[i - 1];
      double px = deltaUs * pxPerUs;
      if (px > BREAK_PX) {
        ys[i] = ys[i - 1] + BREAK_GAP;
        gaps.add(new Gap(ys[i - 1] + 6, ys[i] - 6, "+" + Durations.format(deltaUs)));
      } else {
        // Moments a few microseconds apart still get a few pixels, so that their arrows and
        // labels do not sit on top of each other.
        ys[i] = ys[i - 1] + Math.max(MIN_STEP_PX, px);
      }
    }
    // A message still in flight needs a little length to show which way it is going.
    if (anyInFlight && times.length > 1) {
      int last = times.length - 1;
      ys[last] = Math.max(ys[last], ys[last - 1] + MIN_IN_FLIGHT_PX);
    }
  }

  /** The y of a moment: exact at the key times, linear in between. */
  double y(long us) {
    int index = Arrays.binarySearch(times, us);
    if (index >= 0) {
      return ys[index];
    }
    int after = -index - 1;
    if (after == 0) {
      return ys[0];
    }
    if (after == times.length) {
      return ys[times.length - 1];
    }
    double fraction = (double) (us - times[after - 1]) / (times[after] - times[after - 1]);
    return ys[after - 1] + fraction * (ys[after] - ys[after - 1]);
  }

  double laneX(int index) {
    return GUTTER + LANE * index + LANE / 2;
  }

  double laneX(String name) {
    int index = lanes.indexOf(name);
    return laneX(Math.max(0, index));
  }

  // ---------------------------------------------------------------- arrows and labels

  private void arrow(Cluster cluster, Selected one, long untilUs) {
    Trace.Hop hop = one.hop();
    double x1 = laneX(hop.source());
    double y1 = y(hop.sentUs());
    double xTarget = laneX(hop.target());
    boolean inFlight = hop.arriveUs() > untilUs;
    double x2;
    double y2;
    if (inFlight) {
      double fraction =
          (double) (untilUs - hop.sentUs()) / Math.max(1, hop.arriveUs() - hop.sentUs());
      x2 = x1 + (xTarget - x1) * fraction;
      y2 = y(untilUs);
    } else if (hop.fate() != Trace.Fate.DELIVERED) {
      x2 = x1 + (xTarget - x1) * LOST_AT;
      y2 = y1 + (y(hop.arriveUs()) - y1) * LOST_AT;
    } else {
      x2 = xTarget;
      y2 = y(hop.arriveUs());
    }
    String text = hop.message().label() + (one.kind() == Kind.STALE ? " STALE" : "");
    // A heartbeat's label, or that of a message still on its way at the bottom edge where
    // space is short, gives way when there is no room for it.
    Box label = placeLabel(x1, y1, x2, y2, text, hop.message().background() || inFlight);
    kinds.add(one.kind());
    arrows.add(
        new Arrow(
            x1,
            y1,
            x2,
            y2,
            one.kind(),
            inFlight ? Trace.Fate.DELIVERED : hop.fate(),
            inFlight,
            text,
            label,
            tooltip(cluster, hop, one.kind(), inFlight)));
  }

  private static String tooltip(Cluster cluster, Trace.Hop hop, Kind kind, boolean inFlight) {
    StringBuilder text =
        new StringBuilder(hop.message().label())
            .append(": ")
            .append(hop.source())
            .append(" -> ")
            .append(hop.target())
            .append(", sent at ")
            .append(Durations.format(hop.sentUs()));
    if (inFlight) {
      text.append(", still on its way when the run stopped");
    } else {
      text.append(
          switch (hop.fate()) {
            case DELIVERED ->
                ", arrived at "
                    + Durations.format(hop.arriveUs())
                    + " ("
                    + Durations.format(hop.arriveUs() - hop.sentUs())
                    + ")";
            case LOST -> ", lost on the way";
            case CUT -> ", dropped by the partition";
            case SENDER_CRASHED -> ", lost: its sender crashed before it arrived";
          });
    }
    if (kind == Kind.STALE) {
      Operation op = cluster.history().get(hop.message().answersOpId());
      text.append("; a stale read of ")
          .append(op.key())
          .append(": a newer value was already committed");
    }
    return text.toString();
  }

  /**
   * Puts a label on its arrow where it covers no other label, trying the middle first. When every
   * place is taken, an optional label is left out and any other label goes where it covers the
   * least.
   */
  private Box placeLabel(
      double x1, double y1, double x2, double y2, String text, boolean optional) {
    double width = Svg.textWidth(text) + 6;
    Box best = null;
    double bestOverlap = Double.MAX_VALUE;
    for (double fraction : new double[] {0.5, 0.34, 0.66, 0.22, 0.78}) {
      double cx = x1 + (x2 - x1) * fraction;
      double cy = y1 + (y2 - y1) * fraction;
      Box box = new Box(Math.max(2, cx - width / 2), cy - LABEL_HEIGHT / 2, width, LABEL_HEIGHT);
      double overlap = 0;
      for (Box other : placed) {
        overlap += box.overlap(other);
      }
      if (overlap == 0) {
        placed.add(box);
        return box;
      }
      if (overlap < bestOverlap) {
        best = box;
        bestOverlap = overlap;
      }
    }
    if (optional) {
      return null;
    }
    placed.add(best);
    return best;
  }

  // ---------------------------------------------------------------- notes and time labels

  /** Places an event's note below the previous one if they would touch; returns its bottom. */
  private double note(Event event, double notesX) {
    double y = y(event.atUs());
    boolean onLane = event.node() != null && lanes.contains(event.node());
    List<String> lines = wrap(Durations.format(event.atUs()) + "  " + event.text(), NOTE_CHARS);
    double top = y - NOTE_LINE / 2;
    for (Box box : placed) {
      if (box.x() >= notesX - 1 && box.y() + box.height() > top) {
        top = box.y() + box.height() + 2;
      }
    }
    double height = lines.size() * NOTE_LINE;
    placed.add(new Box(notesX, top, NOTE_CHARS * Svg.CHAR_WIDTH, height));
    if (onLane) {
      placed.add(new Box(laneX(event.node()) - 7, y - 7, 14, 14));
    }
    notes.add(new Note(y, onLane ? laneX(event.node()) : -1, lines, notesX, top + 9, event.text()));
    return top + height;
  }

  /** Breaks text into lines of at most {@code width} characters, at spaces where it can. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = Svg.ascii(text).strip();
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty()) {
      lines.add(rest);
    }
    return lines;
  }

  /**
   * A time in the left gutter at every key moment that is not too close to the one above and does
   * not read the same as it ("1.34s" three times says nothing).
   */
  private void timeLabels() {
    double last = -100;
    String lastText = "";
    for (int i = 0; i < times.length; i++) {
      String text = Durations.format(times[i]);
      if (ys[i] - last >= 13 && !text.equals(lastText)) {
        timeLabels.add(new TimeLabel(ys[i], text));
        last = ys[i];
        lastText = text;
      }
    }
  }

  // ---------------------------------------------------------------- legend

  /** The legend's entries: the kinds of message present, then the other marks the diagram uses. */
  List<String[]> legend() {
    List<String[]> entries = new ArrayList<>();
    for (Kind kind : kinds) {
      entries.add(new String[] {kind.legend, kind.color, "line"});
    }
    if (anyLost) {
      entries.add(new String[] {"lost or dropped", "#b91c1c", "cross"});
    }
    if (anyInFlight) {
      entries.add(new String[] {"still in flight", "#475569", "open"});
    }
    if (notes.stream().anyMatch(note -> !note.acrossAll())) {
      entries.add(new String[] {"event at a node", "#be123c", "diamond"});
    }
    if (notes.stream().anyMatch(Note::acrossAll)) {
      entries.add(new String[] {"cluster-wide change", "#be123c", "dashed"});
    }
    return entries;
  }

  /** The x of each legend entry and the row it is on, wrapping at the diagram's width. */
  double[][] legendPositions() {
    return legendPositionsFor(width);
  }

  private int legendRows() {
    double[][] positions = legendPositionsFor(width);
    return positions.length == 0 ? 0 : (int) positions[positions.length - 1][1] + 1;
  }

  /** The width that holds every lane, label and note. */
  private double width() {
    double lastLaneX = laneX(lanes.size() - 1);
    double right =
        notes.isEmpty() ? lastLaneX + LANE / 2 : lastLaneX + 34 + NOTE_CHARS * Svg.CHAR_WIDTH + 8;
    for (Box box : placed) {
      right = Math.max(right, box.x() + box.width() + 6);
    }
    return Math.ceil(right);
  }

  private double[][] legendPositionsFor(double availableWidth) {
    List<String[]> entries = legend();
    double[][] positions = new double[entries.size()][2];
    double x = GUTTER;
    int row = 0;
    for (int i = 0; i < entries.size(); i++) {
      double entryWidth = 26 + Svg.textWidth(entries.get(i)[0]) + 16;
      if (x + entryWidth > availableWidth - 4 && x > GUTTER) {
        row++;
        x = GUTTER;
      }
      positions[i][0] = x;
      positions[i][1] = row;
      x += entryWidth;
    }
    return positions;
  }
}
