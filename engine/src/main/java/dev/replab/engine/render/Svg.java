package dev.replab.engine.render;

import java.util.Locale;

/**
 * A small writer of SVG markup for the diagram renderers. Numbers are written with at most two
 * decimals in the root locale, so the same drawing is always the same bytes, and every piece of
 * text is reduced to printable ASCII: the PDF converter draws SVG text with fonts that may lack
 * other glyphs, and a diagram must read the same in the browser and on paper.
 */
final class Svg {
  /** Width of one character of the diagrams' monospaced font at {@link #FONT_SIZE}, in pixels. */
  static final double CHAR_WIDTH = 6.02;

  /** The font size of labels, in pixels. */
  static final double FONT_SIZE = 10;

  /**
   * The font of all diagram text: DejaVu Sans Mono is the book's code font (and the PDF theme
   * registers it); browsers without it take their own monospaced font.
   */
  static final String FONT = "'DejaVu Sans Mono', Menlo, Consolas, monospace";

  private final StringBuilder out = new StringBuilder(16_384);

  /** Opens the root element with a view box of the given size and the shared text style. */
  Svg(double width, double height, String ariaLabel, String extraAttributes) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
        .append(" width=\"")
        .append(num(width))
        .append("\" height=\"")
        .append(num(height))
        .append('"')
        .append(" viewBox=\"0 0 ")
        .append(num(width))
        .append(' ')
        .append(num(height))
        .append('"')
        .append(" role=\"img\" aria-label=\"")
        .append(escape(ariaLabel))
        .append('"')
        .append(" font-family=\"")
        .append(FONT)
        .append("\" font-size=\"")
        .append(num(FONT_SIZE))
        .append('"');
    if (!extraAttributes.isEmpty()) {
      out.append(' ').append(extraAttributes);
    }
    out.append(">\n");
  }

  /** Appends raw markup; the caller has escaped what needs escaping. */
  Svg raw(String markup) {
    out.append(markup);
    return this;
  }

  /** A {@code <title>} child, which browsers show as a tooltip. */
  Svg title(String text) {
    out.append("<title>").append(escape(text)).append("</title>");
    return this;
  }

  /** Closes the root element and returns the document. */
  String finish() {
    return out.append("</svg>\n").toString();
  }

  /**
   * A number with at most two decimals and no trailing zeros: {@code 12}, {@code 12.5}, {@code
   * 0.33}.
   */
  static String num(double value) {
    double rounded = Math.round(value * 100) / 100.0;
    if (rounded == Math.rint(rounded)) {
      return Long.toString((long) rounded);
    }
    String text = String.format(Locale.ROOT, "%.2f", rounded);
    return text.endsWith("0") ? text.substring(0, text.length() - 1) : text;
  }

  /** A key time of an animation, in [0, 1], with four decimals. */
  static String keyTime(double fraction) {
    return String.format(Locale.ROOT, "%.4f", Math.max(0, Math.min(1, fraction)));
  }

  /** Text safe inside an XML element or attribute, reduced to printable ASCII. */
  static String escape(String text) {
    String ascii = ascii(text);
    StringBuilder escaped = new StringBuilder(ascii.length() + 8);
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * The text in printable ASCII: the engine's few typographic characters become their ASCII
   * spellings, anything else (a learner's value in another script) becomes {@code ?}.
   */
  static String ascii(String text) {
    StringBuilder ascii = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        ascii.append(c);
      } else {
        ascii.append(
            switch (c) {
              case '\t', '\n', '\r' -> " ";
              case '\u2192' -> "->";
              case '\u2190' -> "<-";
              case '\u2013', '\u2014', '\u2212' -> "-";
              case '\u2018', '\u2019' -> "'";
              case '\u201c', '\u201d' -> "\"";
              case '\u2026' -> "...";
              case '\u2265' -> ">=";
              case '\u2264' -> "<=";
              case '\u00d7' -> "x";
              default -> Character.isSurrogate(c) && Character.isLowSurrogate(c) ? "" : "?";
            });
      }
    }
    return ascii.toString();
  }

  /** The width of a label in the monospaced font, in pixels. */
  static double textWidth(String text) {
    return ascii(text).length() * CHAR_WIDTH;
  }
}
