package dev.replab.book;

import java.util.Map;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockProcessor;
import org.asciidoctor.extension.Contexts;
import org.asciidoctor.extension.Name;
import org.asciidoctor.extension.Reader;

/**
 * The {@code [replab]} block: its lines are commands, run in a fresh session, and the block becomes
 * a listing of the commands and the engine's real output.
 *
 * <pre>
 * [replab,seed=7]
 * ----
 * create leader-follower nodes=3
 * write x 1; read x from n2
 * ----
 * </pre>
 *
 * A rejected command is logged as an error, which fails the build, unless the block says it expects
 * one with the {@code errors} option ({@code [replab%errors]}).
 */
@Name("replab")
@Contexts({Contexts.LISTING, Contexts.LITERAL, Contexts.OPEN})
public final class ReplabBlock extends BlockProcessor {

  @Override
  public Object process(StructuralNode parent, Reader reader, Map<String, Object> attributes) {
    return Listings.run(this, parent, reader.readLines(), attributes);
  }
}
