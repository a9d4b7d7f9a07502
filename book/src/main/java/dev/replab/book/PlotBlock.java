package dev.replab.book;

import dev.replab.engine.Executed;
import dev.replab.engine.command.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockProcessor;
import org.asciidoctor.extension.Contexts;
import org.asciidoctor.extension.Name;
import org.asciidoctor.extension.Reader;

/**
 * The {@code [plot]} block: its lines run as commands in a fresh session and the block becomes a
 * chart of what they measured, drawn by JFreeChart (see {@link Charts}).
 *
 * <pre>
 * [plot,kind=throughput]
 * ----
 * sweep replicas=1,2,4,8 ops=5000 clients=64 reads=90
 * ----
 * </pre>
 *
 * {@code kind=throughput} charts the block's last {@code sweep}, {@code kind=latency} the
 * percentiles of every {@code load} in the block, and {@code kind=lag} each follower's lag over the
 * whole run. A chart with nothing to show fails the build, as does a rejected command.
 */
@Name("plot")
@Contexts({Contexts.LISTING, Contexts.LITERAL, Contexts.OPEN})
public final class PlotBlock extends BlockProcessor {

  /**
   * What a plot block can chart, what its run needs for that, and the caption it gets by default.
   */
  enum Kind {
    THROUGHPUT("a sweep command", "Requests answered per second by each cluster size"),
    LATENCY("a load command", "Latency percentiles of the load"),
    LAG(
        "a run long enough for lag samples (one every 100ms)",
        "Each follower's lag behind the leader, sampled every 100 ms");

    final String needs;
    final String title;

    Kind(String needs, String title) {
      this.needs = needs;
      this.title = title;
    }

    static Kind parse(Object attribute) {
      for (Kind kind : values()) {
        if (kind.name().toLowerCase(Locale.ROOT).equals(attribute)) {
          return kind;
        }
      }
      return null;
    }
  }

  @Override
  public Object process(StructuralNode parent, Reader reader, Map<String, Object> attributes) {
    Kind kind = Kind.parse(attributes.get("kind"));
    if (kind == null) {
      Scene.error(
          this,
          parent,
          "plot: kind must be throughput, latency or lag, not '" + attributes.get("kind") + "'");
      return null;
    }
    Scene scene = Scene.runFor(this, parent, reader.readLines(), attributes, "plot");
    if (scene == null || (kind == Kind.LAG && scene.cluster(this, parent, "plot") == null)) {
      return null;
    }
    String svg =
        switch (kind) {
          case THROUGHPUT -> throughput(scene);
          case LATENCY -> latency(scene);
          case LAG -> Charts.lagOverTime(scene.session.cluster(), 0, scene.session.nowUs());
        };
    if (svg == null) {
      Scene.error(
          this,
          parent,
          "plot: kind=" + attributes.get("kind") + " has nothing to draw; it needs " + kind.needs);
      return null;
    }
    String title = attributes.getOrDefault("title", kind.title).toString();
    return Blocks.figureWithTranscript(
        this, parent, new Figure(title, "replab-plot", svg), scene, attributes);
  }

  private static String throughput(Scene scene) {
    Result.SweepTable last = null;
    for (Executed one : scene.executed) {
      if (one.result() instanceof Result.SweepTable sweep) {
        last = sweep;
      }
    }
    return last == null ? null : Charts.throughput(last);
  }

  private static String latency(Scene scene) {
    List<Result.LoadDone> loads = new ArrayList<>();
    for (Executed one : scene.executed) {
      if (one.result() instanceof Result.LoadDone load) {
        loads.add(load);
      }
    }
    return loads.isEmpty() ? null : Charts.latency(loads);
  }
}
