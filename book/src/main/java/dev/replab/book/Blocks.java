package dev.replab.book;

import java.util.Map;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BaseProcessor;

/** What the drawing blocks share: a figure, alone or followed by the listing of its run. */
final class Blocks {
  private Blocks() {}

  /**
   * The figure, or with the block's {@code transcript} option an open block holding the figure and
   * then the listing of the session that made it, so a reader can replay it.
   */
  static StructuralNode figureWithTranscript(
      BaseProcessor processor,
      StructuralNode parent,
      Figure figure,
      Scene scene,
      Map<String, Object> attributes) {
    if (!attributes.containsKey("transcript-option")) {
      return figure.block(processor, parent);
    }
    Block group = processor.createBlock(parent, "open", "");
    group.append(figure.block(processor, group));
    group.append(Listings.create(processor, group, scene.transcript, null));
    return group;
  }
}
