package dev.replab.engine.render;

import java.util.List;
import java.util.Locale;

/**
 * A consistent-hashing ring as an SVG drawing: every node's tokens as dots around a circle, the
 * key's position, and arcs to the nodes of its preference list in order. It knows positions and
 * names, not any replication model.
 */
public final class RingSvg {
  private static final String[] COLORS = {
    "#2563eb", "#15803d", "#c2410c", "#7c3aed", "#0e7490", "#b45309", "#be185d", "#475569"
  };
  private static final double SIZE = 420;
  private static final double CENTER = SIZE / 2;
  private static final double RADIUS = 140;

  /** A token: a place on the ring (a 64-bit position) and the node that owns it. */
  public record Token(long position, String node) {}

  private RingSvg() {}

  /**
   * The drawing.
   *
   * @param nodes every node on the ring, in the order the legend lists them
   * @param tokens every token
   * @param key the key placed on the ring
   * @param keyPosition the key's position
   * @param preference the key's preference list, first owner first
   */
  public static String render(
      List<String> nodes,
      List<Token> tokens,
      String key,
      long keyPosition,
      List<String> preference) {
    double legendHeight = 16.0 * nodes.size() + 8;
    Svg svg =
        new Svg(
            SIZE + 170,
            Math.max(SIZE, legendHeight + 20),
            "the hash ring with " + nodes.size() + " nodes and the preference list of " + key,
            "");
    svg.raw(
        "<circle cx=\""
            + Svg.num(CENTER)
            + "\" cy=\""
            + Svg.num(CENTER)
            + "\" r=\""
            + Svg.num(RADIUS)
            + "\" fill=\"none\" stroke=\"#cbd5e1\" stroke-width=\"2\"/>\n");
    for (Token token : tokens) {
      double[] at = point(token.position(), RADIUS);
      svg.raw(
          "<circle cx=\""
              + Svg.num(at[0])
              + "\" cy=\""
              + Svg.num(at[1])
              + "\" r=\"3\" fill=\""
              + color(nodes, token.node())
              + "\"/>\n");
    }
    double[] keyAt = point(keyPosition, RADIUS);
    for (int i = 0; i < preference.size(); i++) {
      // The owner's first token clockwise from the key, ringed, with its rank outside the circle.
      Token first = firstTokenOf(tokens, preference.get(i), keyPosition);
      double[] on = point(first.position(), RADIUS);
      double[] label = point(first.position(), RADIUS + 26 + 16 * i);
      String color = color(nodes, preference.get(i));
      svg.raw(circle(on, 6, "fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\""));
      svg.raw(
          "<line x1=\""
              + Svg.num(on[0])
              + "\" y1=\""
              + Svg.num(on[1])
              + "\" x2=\""
              + Svg.num(label[0])
              + "\" y2=\""
              + Svg.num(label[1])
              + "\" stroke=\""
              + color
              + "\" stroke-width=\"1\"/>\n");
      svg.raw(text(label[0], label[1] + 4, (i + 1) + ". " + preference.get(i), "middle"));
    }
    svg.raw(
        "<circle cx=\""
            + Svg.num(keyAt[0])
            + "\" cy=\""
            + Svg.num(keyAt[1])
            + "\" r=\"6\" fill=\"#0f172a\"/>\n");
    double[] keyLabel = point(keyPosition, RADIUS - 22);
    svg.raw(text(keyLabel[0], keyLabel[1] + 3, "key " + key, "middle"));
    double y = 24;
    for (String node : nodes) {
      svg.raw(
          "<circle cx=\""
              + Svg.num(SIZE + 16)
              + "\" cy=\""
              + Svg.num(y - 3)
              + "\" r=\"5\" fill=\""
              + color(nodes, node)
              + "\"/>\n");
      String role = preference.contains(node) ? "  replica " + (preference.indexOf(node) + 1) : "";
      svg.raw(text(SIZE + 28, y, node + role, "start"));
      y += 16;
    }
    return svg.finish();
  }

  /** The node's token that comes first clockwise from the key. */
  private static Token firstTokenOf(List<Token> tokens, String node, long from) {
    Token best = null;
    long bestDistance = Long.MAX_VALUE;
    for (Token token : tokens) {
      if (token.node().equals(node)) {
        long distance = token.position() - from;
        if (Long.compareUnsigned(distance, bestDistance) < 0) {
          best = token;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  /** A position on the ring as a point: 0 at the top, clockwise. */
  private static double[] point(long position, double radius) {
    double fraction = (position + 0.5 * Math.pow(2, 64)) / Math.pow(2, 64);
    double angle = 2 * Math.PI * (fraction - Math.floor(fraction));
    return new double[] {CENTER + radius * Math.sin(angle), CENTER - radius * Math.cos(angle)};
  }

  private static String circle(double[] at, double radius, String style) {
    return "<circle cx=\""
        + Svg.num(at[0])
        + "\" cy=\""
        + Svg.num(at[1])
        + "\" r=\""
        + Svg.num(radius)
        + "\" "
        + style
        + "/>\n";
  }

  private static String color(List<String> nodes, String node) {
    return COLORS[Math.max(0, nodes.indexOf(node)) % COLORS.length];
  }

  private static String text(double x, double y, String text, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" fill=\"#0f172a\">%s</text>%n",
        Svg.num(x),
        Svg.num(y),
        anchor,
        Svg.escape(Svg.ascii(text)));
  }
}
