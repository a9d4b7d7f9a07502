package dev.replab.book;

import java.util.Map;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * The {@code replab::[commands="..."]} block macro: a one-line form of {@link ReplabBlock}. The
 * commands are separated by {@code ;} as in the REPL and shown one per prompt; {@code seed} and the
 * {@code errors} option ({@code opts=errors}) work as in the block.
 */
@Name("replab")
public final class ReplabMacro extends BlockMacroProcessor {

  @Override
  public StructuralNode process(
      StructuralNode parent, String target, Map<String, Object> attributes) {
    Object commands = attributes.get("commands");
    if (commands == null || commands.toString().isBlank()) {
      log(
          new LogRecord(
              Severity.ERROR,
              parent.getSourceLocation(),
              "replab:: needs commands, e.g. replab::[commands=\"create leader-follower; status\"]"));
      return null;
    }
    return Listings.run(
        this, parent, Transcript.oneCommandPerLine(commands.toString()), attributes);
  }
}
