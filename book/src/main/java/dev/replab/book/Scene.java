package dev.replab.book;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.cluster.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BaseProcessor;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Commands run in a fresh session for a drawing: the session afterwards, every command as it ran,
 * and the transcript a listing would show. Shared by the blocks that draw from a run.
 */
final class Scene {
  final Session session;
  final Transcript transcript = new Transcript();
  final List<Executed> executed = new ArrayList<>();

  /** For each typed line (comments and blank lines left out), the index of its first command. */
  final List<Integer> lineStarts = new ArrayList<>();

  private Scene(long seed) {
    session = new Session(seed);
  }

  /** Runs every non-blank line that is not a comment, in order. */
  static Scene run(long seed, List<String> lines) {
    Scene scene = new Scene(seed);
    for (String line : lines) {
      String typed = line.strip();
      if (!typed.isEmpty() && !typed.startsWith("#")) {
        List<Executed> ran = scene.session.execute(typed);
        scene.lineStarts.add(scene.executed.size());
        scene.executed.addAll(ran);
        scene.transcript.add(typed, ran);
      }
    }
    return scene;
  }

  /**
   * Runs the block's lines with the block's {@code seed}, or returns null after logging an error
   * (which fails the build) when the seed is not a number or a command is rejected.
   */
  static Scene runFor(
      BaseProcessor processor,
      StructuralNode parent,
      List<String> lines,
      Map<String, Object> attributes,
      String what) {
    long seed;
    try {
      Object value = attributes.get("seed");
      seed = value == null ? Session.DEFAULT_SEED : Long.parseLong(value.toString().strip());
    } catch (NumberFormatException e) {
      error(
          processor,
          parent,
          what + ": seed must be a whole number, not '" + attributes.get("seed") + "'");
      return null;
    }
    Scene scene = run(seed, lines);
    for (String rejection : scene.transcript.rejections()) {
      error(processor, parent, what + ": command rejected: " + rejection);
    }
    if (!scene.transcript.rejections().isEmpty()) {
      return null;
    }
    return scene;
  }

  /** The scene's cluster, or null after logging an error when the commands created none. */
  Cluster cluster(BaseProcessor processor, StructuralNode parent, String what) {
    if (session.cluster() == null) {
      error(
          processor,
          parent,
          what
              + ": the commands create no cluster, so there is nothing to draw; start with 'create leader-follower'");
    }
    return session.cluster();
  }

  /** The commands from the {@code line}-th typed line on (from 1). */
  List<Executed> fromLine(int line) {
    return executed.subList(lineStarts.get(line - 1), executed.size());
  }

  static void error(BaseProcessor processor, StructuralNode parent, String message) {
    processor.log(new LogRecord(Severity.ERROR, parent.getSourceLocation(), message));
  }
}
