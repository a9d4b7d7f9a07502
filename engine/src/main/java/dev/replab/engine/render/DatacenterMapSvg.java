package dev.replab.engine.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Datacenters on a sketch of the world map, each with its nodes, and the replication links between
 * them with their one-way delays. It knows places, nodes and links, not any replication model.
 */
public final class DatacenterMapSvg {
  private static final double WIDTH = 640;
  private static final double HEIGHT = 270;

  /** Where the regions with known delays sit, as fractions of the map's width and height. */
  private static final Map<String, double[]> PLACES =
      Map.of(
          "us", new double[] {0.18, 0.3},
          "sa", new double[] {0.3, 0.72},
          "eu", new double[] {0.5, 0.22},
          "af", new double[] {0.54, 0.68},
          "ap", new double[] {0.82, 0.5});

  /** Rough continents, as ellipses (cx, cy, rx, ry in fractions), drawn faintly behind. */
  private static final double[][] LAND = {
    {0.2, 0.3, 0.14, 0.17},
    {0.3, 0.72, 0.07, 0.18},
    {0.52, 0.22, 0.07, 0.1},
    {0.54, 0.62, 0.08, 0.2},
    {0.76, 0.3, 0.16, 0.18},
    {0.88, 0.78, 0.06, 0.08}
  };

  /** A datacenter: its name, its leader, its followers and which of its nodes are down. */
  public record Datacenter(String name, String leader, List<String> followers, List<String> down) {}

  /** A replication link between two datacenters' leaders, one way or both. */
  public record Link(String from, String to, boolean bothWays, double delayMs) {}

  private DatacenterMapSvg() {}

  /** The drawing, with a caption line naming the topology. */
  public static String render(List<Datacenter> dcs, List<Link> links, String caption) {
    Svg svg = new Svg(WIDTH, HEIGHT, "datacenters and replication links: " + caption, "");
    svg.raw(
        "<defs><marker id=\"dc-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\""
            + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
            + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#475569\"/></marker>"
            + "<marker id=\"dc-arrow-back\" viewBox=\"0 0 10 10\" refX=\"1\" refY=\"5\""
            + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
            + "<path d=\"M10,0 L0,5 L10,10 z\" fill=\"#475569\"/></marker></defs>\n");
    svg.raw("<rect width=\"100%\" height=\"100%\" fill=\"#f1f5f9\"/>\n");
    for (double[] land : LAND) {
      svg.raw(
          "<ellipse cx=\""
              + Svg.num(land[0] * WIDTH)
              + "\" cy=\""
              + Svg.num(land[1] * HEIGHT)
              + "\" rx=\""
              + Svg.num(land[2] * WIDTH)
              + "\" ry=\""
              + Svg.num(land[3] * HEIGHT)
              + "\" fill=\"#e2e8f0\"/>\n");
    }
    List<double[]> at = new ArrayList<>();
    for (int i = 0; i < dcs.size(); i++) {
      at.add(place(dcs.get(i).name(), i, dcs.size()));
    }
    for (Link link : links) {
      double[] from = at.get(index(dcs, link.from()));
      double[] to = at.get(index(dcs, link.to()));
      double dx = to[0] - from[0];
      double dy = to[1] - from[1];
      double length = Math.max(1, Math.hypot(dx, dy));
      double leave = edge(dx, dy, dcs.get(index(dcs, link.from()))) + 4;
      double reach = edge(dx, dy, dcs.get(index(dcs, link.to()))) + 4;
      double x1 = from[0] + dx / length * leave;
      double y1 = from[1] + dy / length * leave;
      double x2 = to[0] - dx / length * reach;
      double y2 = to[1] - dy / length * reach;
      svg.raw(
          "<line x1=\""
              + Svg.num(x1)
              + "\" y1=\""
              + Svg.num(y1)
              + "\" x2=\""
              + Svg.num(x2)
              + "\" y2=\""
              + Svg.num(y2)
              + "\" stroke=\"#475569\" stroke-width=\"1.5\" marker-end=\"url(#dc-arrow)\""
              + (link.bothWays() ? " marker-start=\"url(#dc-arrow-back)\"" : "")
              + "/>\n");
      svg.raw(
          label(
              (x1 + x2) / 2,
              (y1 + y2) / 2 - 4,
              String.format(Locale.ROOT, "%.0f ms", link.delayMs()),
              "middle",
              "#334155"));
    }
    for (int i = 0; i < dcs.size(); i++) {
      box(svg, dcs.get(i), at.get(i));
    }
    svg.raw(label(12, HEIGHT - 12, caption, "start", "#0f172a"));
    return svg.finish();
  }

  private static final double BOX_WIDTH = 84;

  private static double boxHeight(Datacenter dc) {
    return 22 + 14 * (1 + dc.followers().size());
  }

  /** How far from a box's center a line in direction (dx, dy) leaves the box. */
  private static double edge(double dx, double dy, Datacenter dc) {
    double length = Math.max(1, Math.hypot(dx, dy));
    double alongX = Math.abs(dx) < 1e-9 ? Double.MAX_VALUE : BOX_WIDTH / 2 / Math.abs(dx);
    double alongY = Math.abs(dy) < 1e-9 ? Double.MAX_VALUE : boxHeight(dc) / 2 / Math.abs(dy);
    return Math.min(alongX, alongY) * length;
  }

  private static void box(Svg svg, Datacenter dc, double[] center) {
    List<String> nodes = new ArrayList<>();
    nodes.add(dc.leader());
    nodes.addAll(dc.followers());
    double width = BOX_WIDTH;
    double height = boxHeight(dc);
    double x = center[0] - width / 2;
    double y = center[1] - height / 2;
    svg.raw(
        "<rect x=\""
            + Svg.num(x)
            + "\" y=\""
            + Svg.num(y)
            + "\" width=\""
            + Svg.num(width)
            + "\" height=\""
            + Svg.num(height)
            + "\" rx=\"6\" fill=\"#ffffff\" stroke=\"#2563eb\" stroke-width=\"1.5\"/>\n");
    svg.raw(label(center[0], y + 14, dc.name(), "middle", "#1e3a8a"));
    for (int i = 0; i < nodes.size(); i++) {
      String node = nodes.get(i);
      boolean down = dc.down().contains(node);
      String text = node + (i == 0 ? " leader" : " follower") + (down ? " (down)" : "");
      svg.raw(label(center[0], y + 28 + 14 * i, text, "middle", down ? "#b91c1c" : "#0f172a"));
    }
  }

  private static int index(List<Datacenter> dcs, String name) {
    for (int i = 0; i < dcs.size(); i++) {
      if (dcs.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no datacenter " + name);
  }

  /** A known region's place on the map; others are spread along the bottom. */
  private static double[] place(String name, int index, int count) {
    double[] known = PLACES.get(name);
    if (known != null) {
      return new double[] {known[0] * WIDTH, known[1] * HEIGHT};
    }
    return new double[] {WIDTH * (index + 1) / (count + 1), HEIGHT * 0.86};
  }

  private static String label(double x, double y, String text, String anchor, String color) {
    return "<text x=\""
        + Svg.num(x)
        + "\" y=\""
        + Svg.num(y)
        + "\" text-anchor=\""
        + anchor
        + "\" fill=\""
        + color
        + "\">"
        + Svg.escape(Svg.ascii(text))
        + "</text>\n";
  }
}
