package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.command.ModelCommand;
import dev.replab.engine.command.Result;
import dev.replab.engine.sim.Durations;

/** The commands only a leader-follower cluster has, as plain data that runs on the model. */
final class LeaderFollowerCommands {
  private LeaderFollowerCommands() {}

  /** {@code setquorum ...}. */
  record SetQuorum(QuorumPolicy policy) implements ModelCommand<LeaderFollower> {
    public String name() {
      return "setquorum";
    }

    public Class<LeaderFollower> model() {
      return LeaderFollower.class;
    }

    public Result run(LeaderFollower cluster) {
      cluster.setPolicy(policy());
      return new Result.Message(
          "setquorum "
              + policy().describe()
              + ": "
              + LeaderFollowerViews.modeName(policy(), false));
    }
  }

  /** {@code promote n}. */
  record Promote(String node) implements ModelCommand<LeaderFollower> {
    public String name() {
      return "promote";
    }

    public Class<LeaderFollower> model() {
      return LeaderFollower.class;
    }

    public Result run(LeaderFollower cluster) {
      Node before = cluster.writeTarget();
      int epoch = cluster.promote(node());
      Node node = cluster.node(node());
      String text =
          node()
              + " is now the leader of epoch "
              + epoch
              + " at offset "
              + node.receivedOffset()
              + "; the other nodes follow it as its heartbeats reach them";
      if (before != null && before != node && before.receivedOffset() > node.receivedOffset()) {
        long missing = before.receivedOffset() - node.receivedOffset();
        text +=
            "\n  "
                + before.id()
                + " had "
                + missing
                + (missing == 1 ? " entry" : " entries")
                + " that "
                + node()
                + " never received; they will be discarded when "
                + before.id()
                + " follows "
                + node();
      }
      return new Result.Message(text);
    }
  }

  /** {@code failover auto|manual [options]}; a null field keeps the current setting. */
  record Failover(
      boolean auto,
      Long heartbeatUs,
      Long detectUs,
      Boolean monitor,
      Boolean fencing,
      Boolean stonith,
      FailoverSettings.Redirect redirect,
      Long ttlUs)
      implements ModelCommand<LeaderFollower> {
    public String name() {
      return "failover";
    }

    public Class<LeaderFollower> model() {
      return LeaderFollower.class;
    }

    public Result run(LeaderFollower cluster) {
      FailoverSettings now = cluster.failover();
      FailoverSettings next =
          new FailoverSettings(
              auto(),
              detectUs() != null ? detectUs() : now.detectUs(),
              monitor() != null ? monitor() : now.monitor(),
              fencing() != null ? fencing() : now.fencing(),
              stonith() != null ? stonith() : now.stonith(),
              redirect() != null ? redirect() : now.redirect(),
              ttlUs() != null ? ttlUs() : now.ttlUs());
      long heartbeat = heartbeatUs() != null ? heartbeatUs() : cluster.heartbeat();
      cluster.setFailover(next, heartbeat);
      String how =
          !next.auto()
              ? "failover is manual: use 'promote <node>' when the leader fails"
              : next.monitor()
                  ? "a monitor pings the leader every "
                      + Durations.format(heartbeat)
                      + " and promotes the most up-to-date follower after "
                      + Durations.format(next.detectUs())
                      + " of silence"
                  : "followers expect a heartbeat every "
                      + Durations.format(heartbeat)
                      + "; after "
                      + Durations.format(next.detectUs())
                      + " of silence they elect the most up-to-date of them by majority vote";
      return new Result.Message("failover " + next.describe() + "\n  " + how);
    }
  }

  /** {@code add follower [region=r]}. */
  record AddFollower(String region) implements ModelCommand<LeaderFollower> {
    public String name() {
      return "add";
    }

    public Class<LeaderFollower> model() {
      return LeaderFollower.class;
    }

    public Result run(LeaderFollower cluster) {
      String id = cluster.addFollower(region());
      return new Result.Message(
          id
              + " joined as a follower in "
              + cluster.node(id).region()
              + "; it copies the leader's log ("
              + (cluster.leader() == null ? 0 : cluster.leader().log().lastOffset())
              + " entries) before it is current");
    }
  }

  /** {@code remove n}. */
  record Remove(String node) implements ModelCommand<LeaderFollower> {
    public String name() {
      return "remove";
    }

    public Class<LeaderFollower> model() {
      return LeaderFollower.class;
    }

    public Result run(LeaderFollower cluster) {
      cluster.remove(node());
      return new Result.Message(
          node() + " left the cluster; nodes are now " + String.join(" ", cluster.nodeIds()));
    }
  }

  /** {@code lag}. */
  record Lag() implements ModelCommand<LeaderFollower> {
    public String name() {
      return "lag";
    }

    public Class<LeaderFollower> model() {
      return LeaderFollower.class;
    }

    public Result run(LeaderFollower cluster) {
      return LeaderFollowerViews.lag(cluster);
    }
  }

  /** {@code log n [last=k]}. */
  record Log(String node, int last) implements ModelCommand<LeaderFollower> {
    public String name() {
      return "log";
    }

    public Class<LeaderFollower> model() {
      return LeaderFollower.class;
    }

    public Result run(LeaderFollower cluster) {
      return LeaderFollowerViews.log(cluster, this);
    }
  }
}
