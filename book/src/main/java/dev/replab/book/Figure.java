package dev.replab.book;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BaseProcessor;

/**
 * A drawing in the book, made while the book renders: a space-time diagram, a plot or an animation.
 * The HTML book gets its SVG inline (animated where there is an animation; a small script in {@code
 * docinfo-footer.html} adds play and pause); the PDF gets a still SVG as an image, which the PDF
 * converter draws as vectors. Whoever makes a figure makes the SVG for the format being rendered
 * (see {@link #html(Document)}), so each format pays only for its own.
 *
 * <p>Inline rather than a file next to the page: the HTML converter does not copy images, and an
 * inline SVG is what the page's script can pause.
 *
 * @param title the caption under the drawing, plain text
 * @param kind CSS classes naming what it is: {@code replab-spacetime}, {@code replab-plot}, {@code
 *     replab-race}, with {@code replab-animation} for one that plays
 * @param svg the drawing
 */
record Figure(String title, String kind, String svg) {
  /** The class every figure's block carries; the stylesheet, script and tests look for it. */
  static final String ROLE = "replab-figure";

  /** Whether a document is being converted to HTML (where figures are inline SVG). */
  static boolean html(Document document) {
    return !"pdf".equals(document.getAttribute("backend"));
  }

  /** The figure as AsciiDoc lines, for text that an include processor pushes into a document. */
  List<String> asciidoc(boolean html) {
    if (html) {
      return List.of("++++", html(), "++++", "");
    }
    return List.of(
        "." + title,
        "image::" + dataUri() + "[\"" + title.replace("\"", "'") + "\",align=center]",
        "");
  }

  /** The figure as a block, for block processors. */
  StructuralNode block(BaseProcessor processor, StructuralNode parent) {
    if (html(parent.getDocument())) {
      return processor.createBlock(parent, "pass", html());
    }
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("target", dataUri());
    attributes.put("alt", title);
    attributes.put("align", "center");
    Block image = processor.createBlock(parent, "image", "", attributes);
    image.setTitle(title);
    return image;
  }

  /** The HTML of an image block with the SVG inline and the caption under it. */
  String html() {
    return "<div class=\"imageblock "
        + ROLE
        + " "
        + kind
        + "\">\n<div class=\"content\">\n"
        + svg.strip()
        + "\n</div>\n<div class=\"title\">"
        + escape(title)
        + "</div>\n</div>";
  }

  private String dataUri() {
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
