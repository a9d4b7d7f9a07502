package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.ReadRouter;
import dev.replab.engine.sim.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The read routing policies the engine ships, one small class each. */
public final class Routers {
  /** The names {@code policy=} accepts. */
  public static final List<String> POLICIES =
      List.of("leader", "round-robin", "least-lag", "nearest", "random", "sticky");

  private Routers() {}

  /** A fresh router for a policy name from {@link #POLICIES}. */
  static ReadRouter create(String policy, Rng rng) {
    return switch (policy) {
      case "leader" -> new ToLeader();
      case "round-robin" -> new RoundRobin();
      case "least-lag" -> new LeastLag();
      case "nearest" -> new Nearest();
      case "random" -> new RandomPick(rng);
      case "sticky" -> new Sticky();
      default -> throw new IllegalArgumentException("unknown read policy " + policy);
    };
  }

  /** The followers, or the leader alone when no follower is available. */
  static List<ReadRouter.Replica> pool(List<ReadRouter.Replica> replicas) {
    List<ReadRouter.Replica> followers = new ArrayList<>();
    for (ReadRouter.Replica replica : replicas) {
      if (!replica.leader()) {
        followers.add(replica);
      }
    }
    return followers.isEmpty() ? replicas : followers;
  }

  static String leaderOf(List<ReadRouter.Replica> replicas) {
    for (ReadRouter.Replica replica : replicas) {
      if (replica.leader()) {
        return replica.id();
      }
    }
    return replicas.get(0).id();
  }

  /** Every read to the leader: always fresh, no read scaling. */
  static final class ToLeader implements ReadRouter {
    public String route(ReadRequest read, List<Replica> replicas) {
      return leaderOf(replicas);
    }
  }

  /** Followers in turn. */
  static final class RoundRobin implements ReadRouter {
    private long next;

    public String route(ReadRequest read, List<Replica> replicas) {
      List<Replica> pool = pool(replicas);
      return pool.get((int) (next++ % pool.size())).id();
    }
  }

  /** The followers that are least behind, in turn (so they do not all pile onto one). */
  static final class LeastLag implements ReadRouter {
    private long turn;

    public String route(ReadRequest read, List<Replica> replicas) {
      long least = Long.MAX_VALUE;
      List<Replica> pool = pool(replicas);
      for (Replica replica : pool) {
        least = Math.min(least, replica.lagEntries());
      }
      List<Replica> best = new ArrayList<>();
      for (Replica replica : pool) {
        if (replica.lagEntries() == least) {
          best.add(replica);
        }
      }
      return best.get((int) (turn++ % best.size())).id();
    }
  }

  /** The follower with the shortest delay from the client, taking turns among equals. */
  static final class Nearest implements ReadRouter {
    private long turn;

    public String route(ReadRequest read, List<Replica> replicas) {
      List<Replica> pool = pool(replicas);
      double best = Double.MAX_VALUE;
      for (Replica replica : pool) {
        best = Math.min(best, replica.latencyUs());
      }
      List<Replica> nearest = new ArrayList<>();
      for (Replica replica : pool) {
        if (replica.latencyUs() <= best * 1.5) {
          nearest.add(replica);
        }
      }
      return nearest.get((int) (turn++ % nearest.size())).id();
    }
  }

  /** Any follower, chosen by the simulation's seeded random source. */
  static final class RandomPick implements ReadRouter {
    private final Rng rng;

    RandomPick(Rng rng) {
      this.rng = rng;
    }

    public String route(ReadRequest read, List<Replica> replicas) {
      List<Replica> pool = pool(replicas);
      return pool.get(rng.nextInt(pool.size())).id();
    }
  }

  /** Each client keeps to the follower it first used, while that follower is up. */
  static final class Sticky implements ReadRouter {
    private final Map<String, String> chosen = new HashMap<>();
    private final RoundRobin first = new RoundRobin();

    public String route(ReadRequest read, List<Replica> replicas) {
      String previous = chosen.get(read.client());
      for (Replica replica : replicas) {
        if (replica.id().equals(previous)) {
          return previous;
        }
      }
      String pick = first.route(read, replicas);
      chosen.put(read.client(), pick);
      return pick;
    }
  }
}
