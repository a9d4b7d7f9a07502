package dev.replab.book;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.leaderless.Leaderless;
import dev.replab.engine.leaderless.LeaderlessResults;
import dev.replab.engine.model.ReplicationModel;
import dev.replab.engine.multileader.MultiLeader;
import dev.replab.engine.render.SpaceTimeSvg;
import dev.replab.engine.render.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The drawings that follow a lesson's run cell, made from the session right after it ran: a
 * throughput chart for each {@code sweep}; for a {@code load}, each follower's lag over time, or
 * the latency percentiles when no follower fell visibly behind; otherwise a space-time diagram of
 * every message the cell caused, when something happened worth watching and there are few enough
 * messages to read.
 *
 * <p>Each drawing costs the PDF converter a fraction of a second, so a lesson gets at most {@value
 * #DIAGRAMS_PER_LESSON} space-time diagrams: the first runs in it where something goes wrong, which
 * is where a reader most needs to see the messages.
 */
final class CellFigures {
  /** A space-time diagram with more messages than this is too dense to read on a page. */
  static final int MOST_MESSAGES = 40;

  /** A run with fewer messages than this is as clear from its listing. */
  static final int FEWEST_MESSAGES = 5;

  static final int DIAGRAMS_PER_LESSON = 2;

  /** Below this lag a lag chart is a flat line; the latency percentiles say more. */
  private static final long VISIBLE_LAG_US = 10_000;

  /** Commands that change the network; they cause no message, so the diagram marks them. */
  private static final Set<String> NETWORK_COMMANDS = Set.of("partition", "heal", "link", "skew");

  private final boolean html;
  private int diagrams;
  private boolean ringDrawn;
  private final Set<String> mapsDrawn = new java.util.HashSet<>();

  /** Figures for one lesson, for the HTML book or for the PDF. */
  CellFigures(boolean html) {
    this.html = html;
  }

  /**
   * Where a run of commands starts on the cluster's clock, and what a diagram of it should mark. A
   * run that creates a cluster starts with it (a new cluster's clock starts at zero).
   */
  record Window(long sinceUs, List<SpaceTimeSvg.Mark> marks) {
    static Window of(List<Executed> executed, long startUs) {
      long since = startUs;
      List<SpaceTimeSvg.Mark> marks = new ArrayList<>();
      for (Executed one : executed) {
        if (!one.ok()) {
          continue;
        }
        if (one.command().equals("create")) {
          since = one.tUs();
          marks.clear();
        } else if (NETWORK_COMMANDS.contains(one.command())) {
          marks.add(new SpaceTimeSvg.Mark(one.tUs(), null, one.source()));
        }
      }
      return new Window(since, marks);
    }

    SpaceTimeSvg.Options options(boolean html) {
      return SpaceTimeSvg.Options.since(sinceUs)
          .withMarks(marks)
          .withMaxArrows(MOST_MESSAGES)
          .withTooltips(html);
    }
  }

  /** The figures for commands that ran in {@code session}, starting at {@code startUs}. */
  List<Figure> of(List<Executed> executed, Session session, long startUs) {
    List<Figure> comparisons = comparisons(executed);
    Cluster cluster = session.cluster();
    if (cluster == null || !comparisons.isEmpty()) {
      return comparisons;
    }
    Window window = Window.of(executed, startUs);
    List<Figure> figures = new ArrayList<>();
    List<Result.LoadDone> loads = new ArrayList<>();
    for (Executed one : executed) {
      if (one.result() instanceof Result.SweepTable sweep) {
        figures.add(
            new Figure(
                "Requests answered per second by each cluster size in the sweep above",
                "replab-plot",
                Charts.throughput(sweep)));
      } else if (one.result() instanceof Result.LoadDone load) {
        loads.add(load);
      } else if (one.result() instanceof LeaderlessResults.Curve curve) {
        figures.add(
            new Figure(
                "How often a read that starts t after a write's commit sees it, n="
                    + curve.n()
                    + " w="
                    + curve.w()
                    + " r="
                    + curve.r(),
                "replab-plot",
                Charts.staleness(curve)));
      } else if (one.result() instanceof LeaderlessResults.Inspection inspection && !ringDrawn) {
        ringDrawn = true;
        figures.add(
            new Figure(
                "The ring: each node's places (dots), key "
                    + inspection.key()
                    + " and its preference list, first owner first",
                "replab-ring",
                cluster.model(Leaderless.class).ringPicture(inspection.key())));
      }
    }
    if (cluster.model() instanceof MultiLeader multiLeader
        && executed.stream().anyMatch(one -> one.ok() && one.command().equals("create"))
        && mapsDrawn.add(multiLeader.settings().topology().word())) {
      figures.add(
          new Figure(
              "The datacenters of the run above, their leaders and followers, and the links"
                  + " changes travel along, with their one-way delays",
              "replab-map",
              multiLeader.mapPicture()));
    }
    if (!loads.isEmpty()) {
      figures.add(loadFigure(cluster, loads, window.sinceUs(), session.nowUs()));
    }
    if (figures.isEmpty() && diagrams < DIAGRAMS_PER_LESSON) {
      SpaceTimeSvg.Options options = window.options(html);
      int messages = SpaceTimeSvg.count(cluster, options);
      if (messages >= FEWEST_MESSAGES
          && messages <= MOST_MESSAGES
          && eventful(cluster, window.sinceUs(), session.nowUs())) {
        diagrams++;
        figures.add(
            new Figure(
                "Every message of the run above, drawn from the engine's trace: time flows down",
                "replab-spacetime",
                SpaceTimeSvg.render(cluster, options)));
      }
    }
    return figures;
  }

  /** The charts of {@code compare} runs, which build their own clusters and need none here. */
  private static List<Figure> comparisons(List<Executed> executed) {
    List<Figure> figures = new ArrayList<>();
    for (Executed one : executed) {
      if (one.result() instanceof Result.DurabilityTable table) {
        figures.add(
            new Figure(
                "Median write latency before the crash, per mode of the comparison above",
                "replab-plot",
                Charts.durabilityLatency(table)));
        figures.add(
            new Figure(
                "Acknowledged writes the crash lost, per mode of the comparison above",
                "replab-plot",
                Charts.durabilityLost(table)));
      } else if (one.result() instanceof Result.ModelsTable table) {
        figures.add(
            new Figure(
                "Median write and read latency before the crash, per model of the comparison above",
                "replab-plot",
                Charts.models(table)));
      }
    }
    return figures;
  }

  private static Figure loadFigure(
      Cluster cluster, List<Result.LoadDone> loads, long sinceUs, long untilUs) {
    long mostLagUs = 0;
    for (List<ReplicationModel.LagPoint> samples : cluster.model().lagTimeline().values()) {
      for (ReplicationModel.LagPoint sample : samples) {
        if (sample.atUs() >= sinceUs && sample.atUs() <= untilUs) {
          mostLagUs = Math.max(mostLagUs, sample.lagUs());
        }
      }
    }
    if (mostLagUs >= VISIBLE_LAG_US) {
      return new Figure(
          "Each follower's lag behind the leader while the commands above ran, sampled every 100 ms",
          "replab-plot",
          Charts.lagOverTime(cluster, sinceUs, untilUs));
    }
    return new Figure(
        loads.size() == 1
            ? "Latency percentiles of the load above"
            : "Latency percentiles of the " + loads.size() + " loads above, in the order they ran",
        "replab-plot",
        Charts.latency(loads));
  }

  /**
   * Whether a run shows something worth watching happen: a stale read, a request that failed or may
   * not have taken effect, a lost write, a message that never arrived, or an event at a node such
   * as a crash or an election.
   */
  static boolean eventful(Cluster cluster, long sinceUs, long untilUs) {
    for (Operation op : cluster.history().operations()) {
      if (op.invokeUs() >= sinceUs
          && (op.stale()
              || op.lost() != null
              || op.outcome() == Outcome.FAIL
              || op.outcome() == Outcome.UNKNOWN)) {
        return true;
      }
    }
    for (Trace.Hop hop : cluster.trace().hops()) {
      if (hop.sentUs() >= sinceUs
          && hop.arriveUs() <= untilUs
          && !hop.message().background()
          && hop.fate() != Trace.Fate.DELIVERED) {
        return true;
      }
    }
    for (Cluster.ClusterEvent event : cluster.events()) {
      if (event.atUs() >= sinceUs && event.atUs() <= untilUs && event.node() != null) {
        return true;
      }
    }
    return false;
  }
}
