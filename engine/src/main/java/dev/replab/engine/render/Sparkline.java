package dev.replab.engine.render;

import java.util.List;

/** A one-line chart of a series of numbers, in block characters or plain ASCII. */
public final class Sparkline {
  private static final String BLOCKS = "▁▂▃▄▅▆▇█";
  private static final String ASCII = "_.-:=+*#";

  private Sparkline() {}

  /**
   * Draws {@code values} scaled between zero and their maximum, squeezed into {@code width}
   * characters by taking the maximum of each bucket (peaks are what matter for lag).
   */
  public static String of(List<Double> values, int width, boolean unicode) {
    if (values.isEmpty()) {
      return "";
    }
    int columns = Math.min(width, values.size());
    double[] buckets = new double[columns];
    for (int i = 0; i < values.size(); i++) {
      int column = (int) ((long) i * columns / values.size());
      buckets[column] = Math.max(buckets[column], values.get(i));
    }
    double max = 0;
    for (double bucket : buckets) {
      max = Math.max(max, bucket);
    }
    String glyphs = unicode ? BLOCKS : ASCII;
    StringBuilder line = new StringBuilder(columns);
    for (double bucket : buckets) {
      int level = max <= 0 ? 0 : (int) Math.round(bucket / max * (glyphs.length() - 1));
      line.append(glyphs.charAt(level));
    }
    return line.toString();
  }

  /** A horizontal bar of {@code value} out of {@code max}, {@code width} characters long. */
  public static String bar(double value, double max, int width, boolean unicode) {
    int filled = max <= 0 ? 0 : (int) Math.round(Math.min(1, value / max) * width);
    char full = unicode ? '█' : '#';
    char empty = unicode ? '·' : '.';
    return String.valueOf(full).repeat(filled) + String.valueOf(empty).repeat(width - filled);
  }
}
