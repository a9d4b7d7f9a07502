package dev.replab.book;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.command.Result;
import dev.replab.engine.render.ThroughputRaceSvg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

/**
 * The {@code race::[]} block macro: the same workload on clusters of several sizes, each run in its
 * own fresh session, drawn as a race of requests answered (see {@link ThroughputRaceSvg}). The HTML
 * book plays the race; the PDF shows the finish.
 *
 * <pre>
 * race::[create="create leader-follower reads=round-robin service=1ms",load="load ops=2000 clients=64 reads=90",replicas="1,2,4,8"]
 * </pre>
 *
 * Each lane runs {@code create ... nodes=N} and then the {@code load} command, with the macro's
 * {@code seed}; a rejected command fails the build.
 */
@Name("race")
public final class RaceMacro extends BlockMacroProcessor {

  @Override
  public StructuralNode process(
      StructuralNode parent, String target, Map<String, Object> attributes) {
    Object create = attributes.get("create");
    Object load = attributes.get("load");
    Object replicas = attributes.get("replicas");
    if (create == null || load == null || replicas == null) {
      Scene.error(
          this,
          parent,
          "race:: needs create, load and replicas, e.g. race::[create=\"create leader-follower reads=round-robin"
              + " service=1ms\",load=\"load ops=2000 clients=64 reads=90\",replicas=\"1,2,4,8\"]");
      return null;
    }
    List<ThroughputRaceSvg.Lane> lanes = new ArrayList<>();
    for (String count : replicas.toString().split(",")) {
      int nodes;
      try {
        nodes = Integer.parseInt(count.strip());
      } catch (NumberFormatException e) {
        Scene.error(
            this,
            parent,
            "race:: replicas must be whole numbers separated by commas, not '" + replicas + "'");
        return null;
      }
      ThroughputRaceSvg.Lane lane =
          lane(parent, attributes, create.toString(), load.toString(), nodes);
      if (lane == null) {
        return null;
      }
      lanes.add(lane);
    }
    String title =
        attributes
            .getOrDefault("title", "The same workload on clusters of " + replicas + " nodes")
            .toString();
    Figure figure =
        new Figure(
            title,
            "replab-race replab-animation",
            Figure.html(parent.getDocument())
                ? ThroughputRaceSvg.animate(lanes)
                : ThroughputRaceSvg.render(lanes));
    return figure.block(this, parent);
  }

  private ThroughputRaceSvg.Lane lane(
      StructuralNode parent,
      Map<String, Object> attributes,
      String create,
      String load,
      int nodes) {
    Scene scene =
        Scene.runFor(this, parent, List.of(create + " nodes=" + nodes), attributes, "race");
    if (scene == null) {
      return null;
    }
    Session session = scene.session;
    long startUs = session.nowUs();
    List<Executed> ran = session.execute(load);
    if (ran.size() != 1 || !(ran.get(0).result() instanceof Result.LoadDone done)) {
      Scene.error(
          this,
          parent,
          "race: '"
              + load
              + "' must be one load command; it printed: "
              + (ran.isEmpty() ? "nothing" : ran.get(ran.size() - 1).text()));
      return null;
    }
    return ThroughputRaceSvg.Lane.of(
        nodes + (nodes == 1 ? " node" : " nodes"),
        session.cluster(),
        startUs,
        done.throughputOpsS());
  }
}
