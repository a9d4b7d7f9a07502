package dev.replab.engine.leaderless;

import dev.replab.engine.command.ModelCommand;
import dev.replab.engine.command.Result;
import java.util.List;

/** The commands only a leaderless cluster has, as plain data that runs on the model. */
final class LeaderlessCommands {
  private LeaderlessCommands() {}

  /** {@code setquorum w=.. r=.. [n=..]}. */
  record SetQuorum(int n, int w, int r) implements ModelCommand<Leaderless> {
    public String name() {
      return "setquorum";
    }

    public Class<Leaderless> model() {
      return Leaderless.class;
    }

    public Result run(Leaderless cluster) {
      cluster.setQuorum(n, w, r);
      return new Result.Message(
          "setquorum n=" + n + " w=" + w + " r=" + r + ": " + overlap(n, w, r));
    }
  }

  /** What w + r against n means for a reader, in one clause. */
  static String overlap(int n, int w, int r) {
    return w + r > n
        ? "w + r = "
            + (w + r)
            + " > n = "
            + n
            + ", so every read asks at least one replica that took the last completed write"
        : "w + r = "
            + (w + r)
            + " <= n = "
            + n
            + ", so a read may ask only replicas that missed the last write";
  }

  /** {@code repair}: one anti-entropy round now. */
  record Repair() implements ModelCommand<Leaderless> {
    public String name() {
      return "repair";
    }

    public Class<Leaderless> model() {
      return Leaderless.class;
    }

    public Result run(Leaderless cluster) {
      return LeaderlessViews.repair(cluster);
    }
  }

  /** {@code hints}: every hint a stand-in holds for an owner. */
  record Hints() implements ModelCommand<Leaderless> {
    public String name() {
      return "hints";
    }

    public Class<Leaderless> model() {
      return Leaderless.class;
    }

    public Result run(Leaderless cluster) {
      return LeaderlessViews.hints(cluster);
    }
  }

  /** {@code staleness ...}: the measured chance that a read t after a commit returns it. */
  record StalenessCurve(
      int n, int w, int r, List<Staleness.Legs> legs, long[] tsUs, int trials, int k)
      implements ModelCommand<Leaderless> {
    public String name() {
      return "staleness";
    }

    public Class<Leaderless> model() {
      return Leaderless.class;
    }

    public Result run(Leaderless cluster) {
      throw new IllegalStateException("staleness needs the session's seed");
    }

    @Override
    public Result run(Leaderless cluster, long seed) {
      return StalenessView.run(this, seed);
    }
  }
}
