package dev.replab.engine.cluster;

import dev.replab.engine.net.Payload;
import dev.replab.engine.sim.Timer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine a database server runs on: it is up, paused or crashed, it keeps the server's timers,
 * and it serves client requests one at a time. A replication model runs a {@link Process} on it;
 * the host decides what reaches the process, so every model crashes, pauses and queues alike.
 */
public final class Host {
  /** A replication model's server, running on a host. */
  public interface Process {
    /** Hands over a message that arrived while the host is up. */
    void deliver(String source, Payload payload);

    /** The power failed: everything volatile is gone; durable state stays. */
    void crashed();

    /** The host came back after a crash: recover from durable state. */
    void restarted();
  }

  private final String id;
  private final String region;
  private final Cluster cluster;
  private Process process;
  private NodeState state = NodeState.UP;
  // Counts lives: a timer set in an earlier life (before a crash) never runs.
  private int generation;
  private final ArrayDeque<Runnable> frozen = new ArrayDeque<>();
  private final List<Chore> choresWhilePaused = new ArrayList<>();
  private long busyUntilUs;
  private long skewUs;

  private record Chore(long periodUs, Runnable tick) {}

  Host(String id, String region, Cluster cluster) {
    this.id = id;
    this.region = region;
    this.cluster = cluster;
  }

  void run(Process process) {
    this.process = process;
  }

  public String id() {
    return id;
  }

  public String region() {
    return region;
  }

  public NodeState state() {
    return state;
  }

  public boolean up() {
    return state == NodeState.UP;
  }

  /** How far this host's clock is off true (simulated) time; positive runs ahead. */
  public long skewUs() {
    return skewUs;
  }

  void setSkewUs(long skewUs) {
    this.skewUs = skewUs;
  }

  /**
   * What this host's wall clock reads now: simulated time plus its skew. Only models that trust
   * wall clocks (last write wins) read it; everything that schedules uses simulated time.
   */
  public long clockUs() {
    return cluster.sim().nowUs() + skewUs;
  }

  /** Starts a new life: timers of the one before no longer run. */
  public void begin() {
    generation++;
  }

  // ---------------------------------------------------------------- faults

  void crash() {
    state = NodeState.CRASHED;
    generation++;
    busyUntilUs = 0;
    frozen.clear();
    choresWhilePaused.clear();
    process.crashed();
  }

  void restart() {
    state = NodeState.UP;
    generation++;
    frozen.clear();
    choresWhilePaused.clear();
    process.restarted();
  }

  void pause() {
    state = NodeState.PAUSED;
  }

  /**
   * Unfreezes the host. Work that fell due during the pause runs now; periodic chores such as
   * heartbeats start again one period later, as a process's timers do after a long pause.
   */
  void resume() {
    state = NodeState.UP;
    List<Chore> chores = new ArrayList<>(choresWhilePaused);
    choresWhilePaused.clear();
    for (Chore chore : chores) {
      chore(chore.periodUs(), chore.tick());
    }
    while (!frozen.isEmpty() && state == NodeState.UP) {
      frozen.poll().run();
    }
  }

  // ---------------------------------------------------------------- delivery

  /** Entry point for everything the network hands to this host. */
  void deliver(String source, Payload payload) {
    switch (state) {
      case CRASHED -> refuseWhileDown(source, payload);
      case PAUSED -> cluster.dropped(id, source, payload);
      case UP -> process.deliver(source, payload);
      default -> throw new IllegalStateException("unknown state " + state);
    }
  }

  /**
   * A crashed server's host still answers: a client's connection is refused at once, so the client
   * knows its request was never processed. Traffic between servers is simply lost.
   */
  private void refuseWhileDown(String source, Payload payload) {
    long opId = payload.requestOpId();
    if (opId >= 0) {
      cluster
          .network()
          .send(
              id,
              source,
              Reply.refused(opId, "connection to " + id + " refused: it has crashed", false));
    }
  }

  // ---------------------------------------------------------------- time

  /**
   * Schedules a periodic chore (heartbeat, failure check) as background work; {@code tick}
   * schedules the next one itself. A chore that falls due while the host is paused waits for {@link
   * #resume}; one set before a crash never runs.
   */
  public void chore(long delayUs, Runnable tick) {
    int setIn = generation;
    cluster
        .sim()
        .scheduleBackground(
            delayUs,
            () -> {
              if (setIn != generation) {
                return;
              }
              if (state == NodeState.PAUSED) {
                choresWhilePaused.add(new Chore(delayUs, tick));
              } else {
                tick.run();
              }
            });
  }

  /** Runs a timer action unless the host crashed since it was set; a paused host runs it later. */
  public Timer later(long delayUs, Runnable action) {
    int setIn = generation;
    return cluster.sim().schedule(delayUs, () -> guarded(setIn, action));
  }

  private void guarded(int setIn, Runnable action) {
    if (setIn != generation) {
      return;
    }
    if (state == NodeState.PAUSED) {
      frozen.add(() -> guarded(setIn, action));
    } else {
      action.run();
    }
  }

  /**
   * Client requests wait their turn: a server serves one at a time, each taking the cluster's
   * service time, so a busy server builds a queue and its latency grows.
   */
  public void serve(Runnable request) {
    long serviceUs = cluster.spec().serviceUs();
    if (serviceUs == 0) {
      request.run();
      return;
    }
    long now = cluster.sim().nowUs();
    long start = Math.max(now, busyUntilUs);
    busyUntilUs = start + serviceUs;
    later(busyUntilUs - now, request);
  }
}
