package dev.replab.engine.render;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.history.Operation;
import dev.replab.engine.net.Payload;
import dev.replab.engine.net.Traffic;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws a space-time diagram of recent messages in text: one column per node and client, time
 * flowing down, one row per message from its sender's column to its receiver's, and rows for
 * cluster events such as a crash. Stale reads and lost messages are marked where they happened.
 */
public final class Timeline {
  private static final int COLUMN = 11;
  private static final int GUTTER = 10;

  /**
   * What to draw.
   *
   * @param last at most this many rows, the newest
   * @param sinceUs only rows at or after this time (0: all kept)
   * @param keys only client traffic on these keys (empty: all)
   * @param heartbeats whether to show heartbeats, pings and their replies
   * @param unicode box-drawing arrows, or plain ASCII
   */
  public record Options(
      int last, long sinceUs, Set<String> keys, boolean heartbeats, boolean unicode) {}

  private record Row(long atUs, long order, String text) {}

  private Timeline() {}

  public static String render(Cluster cluster, Trace trace, Options options) {
    List<String> columns = participants(cluster, trace);
    List<Row> rows = new ArrayList<>();
    long order = 0;
    for (Trace.Hop hop : trace.hops()) {
      if (!include(hop, options)) {
        continue;
      }
      rows.add(
          new Row(
              hop.fate() == Trace.Fate.DELIVERED ? hop.arriveUs() : hop.sentUs(),
              order++,
              arrow(hop, columns, cluster, options.unicode())));
    }
    for (Cluster.ClusterEvent event : cluster.events()) {
      if (event.atUs() >= options.sinceUs()) {
        rows.add(new Row(event.atUs(), order++, eventRow(event, columns, options.unicode())));
      }
    }
    rows.sort(Comparator.comparingLong(Row::atUs).thenComparingLong(Row::order));
    int from = Math.max(0, rows.size() - options.last());
    StringBuilder text = new StringBuilder(header(columns));
    if (from > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "%" + GUTTER + "s   ... %d earlier rows (timeline last %d shows more)%n",
              "",
              from,
              rows.size()));
    }
    for (Row row : rows.subList(from, rows.size())) {
      text.append(String.format(Locale.ROOT, "%" + GUTTER + "s ", Durations.format(row.atUs())))
          .append(row.text())
          .append('\n');
    }
    if (rows.isEmpty()) {
      text.append("(nothing to show yet)\n");
    }
    return text.toString().stripTrailing();
  }

  /**
   * A small diagram of one operation: the messages between {@code columns} that were on their way
   * from {@code fromUs} to {@code untilUs} and that {@code relevant} accepts, in arrival order.
   */
  public static String around(
      Cluster cluster,
      List<String> columns,
      long fromUs,
      long untilUs,
      java.util.function.Predicate<Trace.Hop> relevant,
      boolean unicode) {
    List<Row> rows = new ArrayList<>();
    long order = 0;
    for (Trace.Hop hop : cluster.trace().hops()) {
      boolean inside = hop.sentUs() >= fromUs && hop.sentUs() <= untilUs;
      if (inside
          && columns.contains(hop.source())
          && columns.contains(hop.target())
          && !hop.message().background()
          && relevant.test(hop)) {
        long at = hop.fate() == Trace.Fate.DELIVERED ? hop.arriveUs() : hop.sentUs();
        rows.add(new Row(at, order++, arrow(hop, columns, cluster, unicode)));
      }
    }
    rows.sort(Comparator.comparingLong(Row::atUs).thenComparingLong(Row::order));
    StringBuilder text = new StringBuilder(header(columns));
    for (Row row : rows) {
      text.append(String.format(Locale.ROOT, "%" + GUTTER + "s ", Durations.format(row.atUs())))
          .append(row.text())
          .append('\n');
    }
    return text.toString().stripTrailing();
  }

  private static boolean include(Trace.Hop hop, Options options) {
    if (hop.arriveUs() < options.sinceUs()) {
      return false;
    }
    Payload message = hop.message();
    if (!options.heartbeats() && message.background()) {
      return false;
    }
    if (!options.keys().isEmpty()) {
      String label = message.label();
      boolean answer = message.answersOpId() >= 0;
      boolean clientTraffic = message.traffic() == Traffic.REQUEST || answer;
      if (clientTraffic) {
        return options.keys().stream()
                .anyMatch(
                    key ->
                        label.contains(" " + key + "=")
                            || label.endsWith(" " + key)
                            || label.contains(" " + key + " "))
            || answer;
      }
    }
    return true;
  }

  private static List<String> participants(Cluster cluster, Trace trace) {
    Set<String> names = new LinkedHashSet<>();
    for (Trace.Hop hop : trace.hops()) {
      if (!cluster.nodeIds().contains(hop.source())) {
        names.add(hop.source());
      }
      if (!cluster.nodeIds().contains(hop.target())) {
        names.add(hop.target());
      }
    }
    List<String> columns = new ArrayList<>(names);
    columns.addAll(cluster.nodeIds());
    return columns;
  }

  private static String header(List<String> columns) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%" + GUTTER + "s ", "time"));
    for (String column : columns) {
      line.append(center(column, COLUMN));
    }
    return line.toString().stripTrailing() + "\n";
  }

  private static String center(String text, int width) {
    String cut = text.length() > width - 1 ? text.substring(0, width - 1) : text;
    int left = (width - cut.length()) / 2;
    return " ".repeat(left) + cut + " ".repeat(width - cut.length() - left);
  }

  private static int column(List<String> columns, String name) {
    int index = columns.indexOf(name);
    return (index < 0 ? 0 : index) * COLUMN + COLUMN / 2;
  }

  private static char[] lanes(List<String> columns, boolean unicode) {
    char[] line = new char[columns.size() * COLUMN];
    java.util.Arrays.fill(line, ' ');
    for (int i = 0; i < columns.size(); i++) {
      line[i * COLUMN + COLUMN / 2] = unicode ? '│' : '|';
    }
    return line;
  }

  private static String arrow(
      Trace.Hop hop, List<String> columns, Cluster cluster, boolean unicode) {
    char[] line = lanes(columns, unicode);
    int from = column(columns, hop.source());
    int to = column(columns, hop.target());
    int step = to >= from ? 1 : -1;
    for (int i = from; i != to; i += step) {
      line[i] = unicode ? '─' : '-';
    }
    line[from] = unicode ? '●' : '*';
    line[to] =
        switch (hop.fate()) {
          case DELIVERED -> step > 0 ? (unicode ? '▶' : '>') : (unicode ? '◀' : '<');
          default -> 'x';
        };
    String label = hop.message().label();
    int low = Math.min(from, to) + 2;
    int high = Math.max(from, to) - 2;
    String suffix = "";
    if (high - low + 1 >= label.length()) {
      int start = low + (high - low + 1 - label.length()) / 2;
      for (int i = 0; i < label.length(); i++) {
        line[start + i] = label.charAt(i);
      }
    } else {
      suffix = " " + label;
    }
    String fate =
        switch (hop.fate()) {
          case DELIVERED -> "";
          case LOST -> "  lost on the way";
          case CUT -> "  dropped: partition";
          case SENDER_CRASHED -> "  lost: sender crashed";
        };
    String stale = staleMark(hop, cluster);
    String latency =
        hop.fate() == Trace.Fate.DELIVERED
            ? "  (" + Durations.format(hop.arriveUs() - hop.sentUs()) + ")"
            : "";
    return new String(line).stripTrailing() + suffix + latency + fate + stale;
  }

  private static String staleMark(Trace.Hop hop, Cluster cluster) {
    long opId = hop.message().answersOpId();
    if (opId < 0) {
      return "";
    }
    Operation op = cluster.history().get(opId);
    return op != null && op.stale() ? "  STALE read of " + op.key() : "";
  }

  private static String eventRow(
      Cluster.ClusterEvent event, List<String> columns, boolean unicode) {
    char[] line = lanes(columns, unicode);
    String text = new String(line).stripTrailing();
    if (event.node() != null && columns.contains(event.node())) {
      char[] marked = line.clone();
      marked[column(columns, event.node())] = unicode ? '◆' : '#';
      text = new String(marked).stripTrailing();
    }
    return text + "  -- " + event.text();
  }
}
