package dev.replab.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks every SVG the renderers write must pass, whatever it shows. */
final class SvgChecks {
  private SvgChecks() {}

  /** Parses the SVG as XML (with namespaces), failing the test with the parser's message. */
  static Document parse(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      return fail(
          "not well-formed XML: "
              + e.getMessage()
              + "\n"
              + svg.substring(0, Math.min(2_000, svg.length())));
    }
  }

  /** Fails on any character outside printable ASCII (and newlines): the PDF could not draw it. */
  static void assertAscii(String svg) {
    for (int i = 0; i < svg.length(); i++) {
      char c = svg.charAt(i);
      if ((c < 0x20 && c != '\n') || c > 0x7e) {
        fail(
            "non-ASCII character U+"
                + Integer.toHexString(c)
                + " at "
                + i
                + ": ..."
                + svg.substring(Math.max(0, i - 40), Math.min(svg.length(), i + 40)));
      }
    }
  }

  /**
   * Every {@code <animate>} must be one a browser accepts: as many key times as values, key times
   * from 0, never decreasing, at most 1, and ending at 1 unless the animation is discrete.
   */
  static void assertAnimationsValid(Document document) {
    NodeList animations = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "animate");
    for (int i = 0; i < animations.getLength(); i++) {
      Element animate = (Element) animations.item(i);
      String[] values = animate.getAttribute("values").split(";", -1);
      String[] keyTimes = animate.getAttribute("keyTimes").split(";", -1);
      String where =
          "animate #"
              + i
              + " of "
              + animate.getAttribute("attributeName")
              + ": values="
              + animate.getAttribute("values")
              + " keyTimes="
              + animate.getAttribute("keyTimes");
      assertEquals(values.length, keyTimes.length, where);
      double previous = -1;
      for (int k = 0; k < keyTimes.length; k++) {
        assertTrue(!values[k].isBlank(), "an empty value in " + where);
        double time = Double.parseDouble(keyTimes[k]);
        assertTrue(
            time >= previous && time <= 1,
            "key times must not decrease and stay within [0, 1]: " + where);
        previous = time;
      }
      assertEquals(0.0, Double.parseDouble(keyTimes[0]), where);
      if (!"discrete".equals(animate.getAttribute("calcMode"))) {
        assertEquals(1.0, previous, "a linear animation must end at key time 1: " + where);
      }
      assertTrue(
          animate.getAttribute("dur").endsWith("s")
              && "indefinite".equals(animate.getAttribute("repeatCount")),
          where);
    }
  }

  /** The text content of every {@code <text>} element, in document order. */
  static List<String> texts(Document document) {
    NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  /** The text of every {@code <title>} (tooltip), in document order. */
  static List<String> titles(Document document) {
    NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      titles.add(nodes.item(i).getTextContent());
    }
    return titles;
  }

  static int count(Document document, String tag) {
    return document.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag).getLength();
  }

  /** The animated drawing with its animation taken out: what a renderer without SMIL shows. */
  static String withoutAnimation(String animated) {
    return animated
        .replaceAll("<animate [^>]*/>", "")
        .replaceAll("<line class=\"replab-cursor\"[^>]*></line>\n", "")
        .replaceFirst("<svg [^>]*>", "<svg>");
  }

  static String withoutRoot(String still) {
    return still.replaceFirst("<svg [^>]*>", "<svg>");
  }
}
