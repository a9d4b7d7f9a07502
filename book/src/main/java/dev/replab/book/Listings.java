package dev.replab.book;

import dev.replab.engine.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BaseProcessor;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/** What the {@code [replab]} block and the {@code replab::} macro share. */
final class Listings {
  /** The role on every listing of real engine output; the stylesheet and tests look for it. */
  static final String ROLE = "replab-output";

  /**
   * The block options of every listing of engine output. {@code subs=none}: the transcript is
   * escaped already, so no AsciiDoc markup or callout in engine output can change what the reader
   * sees. In the PDF, {@code autofit} shrinks the font of a wide listing instead of wrapping its
   * table rows, and {@code unbreakable} keeps a listing on one page when it fits on one.
   */
  static final String BLOCK_ATTRIBUTES = "[listing." + ROLE + "%autofit%unbreakable,subs=none]";

  private Listings() {}

  /**
   * Runs the commands in a fresh session seeded from the {@code seed} attribute and returns the
   * listing of what it printed. Rejected commands are logged as errors, which fail the build,
   * unless the block has the {@code errors} option.
   */
  static Block run(
      BaseProcessor processor,
      StructuralNode parent,
      List<String> commands,
      Map<String, Object> attributes) {
    long seed;
    try {
      seed = seed(attributes);
    } catch (NumberFormatException e) {
      processor.log(
          new LogRecord(
              Severity.ERROR,
              parent.getSourceLocation(),
              "replab: seed must be a whole number, not '" + attributes.get("seed") + "'"));
      return null;
    }
    Transcript transcript = Transcript.run(seed, commands);
    if (!attributes.containsKey("errors-option")) {
      for (String rejection : transcript.rejections()) {
        processor.log(
            new LogRecord(
                Severity.ERROR,
                parent.getSourceLocation(),
                "replab: command rejected (add the 'errors' option if that is intended): "
                    + rejection));
      }
    }
    return create(processor, parent, transcript, (String) attributes.get("title"));
  }

  /** The listing of a transcript, with an optional title. */
  static Block create(
      BaseProcessor processor, StructuralNode parent, Transcript transcript, String title) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("role", ROLE);
    attributes.put("subs", "none");
    attributes.put("autofit-option", "");
    attributes.put("unbreakable-option", "");
    Block block = processor.createBlock(parent, "listing", transcript.markup(), attributes);
    if (title != null && !title.isBlank()) {
      block.setTitle(title);
    }
    return block;
  }

  private static long seed(Map<String, Object> attributes) {
    Object seed = attributes.get("seed");
    return seed == null ? Session.DEFAULT_SEED : Long.parseLong(seed.toString().strip());
  }
}
