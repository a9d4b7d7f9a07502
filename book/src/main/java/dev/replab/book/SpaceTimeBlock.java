package dev.replab.book;

import dev.replab.engine.Executed;
import dev.replab.engine.render.SpaceTimeSvg;
import java.util.List;
import java.util.Map;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockProcessor;
import org.asciidoctor.extension.Contexts;
import org.asciidoctor.extension.Name;
import org.asciidoctor.extension.Reader;

/**
 * The {@code [spacetime]} block: its lines run as commands in a fresh session, and the block
 * becomes a space-time diagram of the messages they caused, drawn from the engine's trace.
 *
 * <pre>
 * [spacetime%animated%transcript,seed=1,heartbeats=on,title="A follower falls behind"]
 * ----
 * create leader-follower nodes=3
 * partition n3 | n1 n2
 * write x 1
 * ----
 * </pre>
 *
 * The diagram starts with the last {@code create} (or at line {@code from=N} of the block), leaves
 * out heartbeats unless {@code heartbeats=on}, and draws at most {@code max=} messages (80). With
 * the {@code animated} option the HTML book plays it (the PDF shows its final frame); with {@code
 * transcript} the session's listing follows the drawing. A rejected command fails the build.
 */
@Name("spacetime")
@Contexts({Contexts.LISTING, Contexts.LITERAL, Contexts.OPEN})
public final class SpaceTimeBlock extends BlockProcessor {
  static final String DEFAULT_TITLE =
      "Every message of the run, drawn from the engine's trace: time flows down";

  @Override
  public Object process(StructuralNode parent, Reader reader, Map<String, Object> attributes) {
    Scene scene = Scene.runFor(this, parent, reader.readLines(), attributes, "spacetime");
    if (scene == null || scene.cluster(this, parent, "spacetime") == null) {
      return null;
    }
    int fromLine = number(parent, attributes, "from", 1, 1, scene.lineStarts.size());
    int max = number(parent, attributes, "max", 80, 1, 500);
    if (fromLine < 0 || max < 0) {
      return null;
    }
    // A command's time is when it finished, so the window opens when the command before it did.
    int first = scene.lineStarts.get(fromLine - 1);
    long startUs = first == 0 ? 0 : scene.executed.get(first - 1).tUs();
    List<Executed> window = scene.executed.subList(first, scene.executed.size());
    boolean html = Figure.html(parent.getDocument());
    SpaceTimeSvg.Options options =
        CellFigures.Window.of(window, startUs)
            .options(html)
            .withHeartbeats("on".equals(attributes.get("heartbeats")))
            .withMaxArrows(max);
    String title = attributes.getOrDefault("title", DEFAULT_TITLE).toString();
    boolean animated = html && attributes.containsKey("animated-option");
    String kind =
        attributes.containsKey("animated-option")
            ? "replab-spacetime replab-animation"
            : "replab-spacetime";
    Figure figure =
        new Figure(
            title,
            kind,
            animated
                ? SpaceTimeSvg.animate(scene.session.cluster(), options)
                : SpaceTimeSvg.render(scene.session.cluster(), options));
    return Blocks.figureWithTranscript(this, parent, figure, scene, attributes);
  }

  /** A whole-number attribute within bounds; -1 (and an error logged) when it is not. */
  private int number(
      StructuralNode parent,
      Map<String, Object> attributes,
      String name,
      int fallback,
      int low,
      int high) {
    Object value = attributes.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.toString().strip());
      if (number >= low && number <= high) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below with the range that would be right.
    }
    Scene.error(
        this,
        parent,
        "spacetime: "
            + name
            + " must be a whole number from "
            + low
            + " to "
            + high
            + ", not '"
            + value
            + "'");
    return -1;
  }
}
