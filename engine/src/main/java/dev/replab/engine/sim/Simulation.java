package dev.replab.engine.sim;

import java.util.function.BooleanSupplier;

/**
 * The one owner of virtual time, the event queue and chance in a simulated world.
 *
 * <p>Time is a count of microseconds that only moves when an event is run. Events run in order of
 * (time, sequence number), so two events scheduled for the same microsecond run in the order they
 * were scheduled, and the same seed with the same calls always gives the same run.
 */
public final class Simulation {
  private final long seed;
  private final EventQueue<Event> queue = new EventQueue<>();
  private long nowUs;
  private long nextSequence;
  private long eventsRun;
  private int pendingForeground;
  private int cancelledQueued;
  private volatile boolean interruptRequested;

  public Simulation(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  public long nowUs() {
    return nowUs;
  }

  public long eventsRun() {
    return eventsRun;
  }

  /**
   * Returns a random source for one named component. Its draws depend only on the seed and the
   * name, so adding a component never changes what another one draws.
   */
  public Rng rng(String component) {
    return new Rng(mix(seed, component));
  }

  /** Schedules a one-off action after {@code delayUs} microseconds of virtual time. */
  public Timer schedule(long delayUs, Runnable action) {
    return enqueue(delayUs, action, false);
  }

  /**
   * Schedules background work such as a heartbeat or its reply. Background events never keep {@link
   * #settle} running on their own: the world is settled when only they are left.
   */
  public Timer scheduleBackground(long delayUs, Runnable action) {
    return enqueue(delayUs, action, true);
  }

  private Timer enqueue(long delayUs, Runnable action, boolean background) {
    if (delayUs < 0) {
      throw new IllegalArgumentException("delay must not be negative: " + delayUs);
    }
    Event event = new Event(this, nowUs + delayUs, nextSequence++, action, background);
    queue.add(event.timeUs, event.sequence, event);
    if (!background) {
      pendingForeground++;
    }
    return event;
  }

  /** Runs events up to and including time {@code untilUs}, then sets the clock to it. */
  public void runUntil(long untilUs) {
    while (!queue.isEmpty() && queue.peekTime() <= untilUs) {
      runNext();
    }
    nowUs = Math.max(nowUs, untilUs);
  }

  /**
   * Runs events until {@code done} holds or until {@code limitUs}, whichever comes first.
   *
   * @return true when {@code done} became true
   */
  public boolean runUntil(BooleanSupplier done, long limitUs) {
    while (!done.getAsBoolean()) {
      if (queue.isEmpty() || queue.peekTime() > limitUs) {
        return false;
      }
      runNext();
    }
    return true;
  }

  /**
   * Runs until nothing but background work is pending, or until {@code limitUs}.
   *
   * @return true when the world settled before the limit
   */
  public boolean settle(long limitUs) {
    return runUntil(() -> pendingForeground == 0, limitUs);
  }

  /**
   * Asks a running command to stop between two events, as Ctrl-C does; safe to call from another
   * thread. The command that is running ends with {@link Interrupted}.
   */
  public void interrupt() {
    interruptRequested = true;
  }

  /** Forgets an interrupt that arrived after the command it was meant for had finished. */
  public void clearInterrupt() {
    interruptRequested = false;
  }

  /** Thrown out of a run loop after {@link #interrupt}: the world stands between two events. */
  public static final class Interrupted extends RuntimeException {
    Interrupted(long atUs) {
      super("interrupted at t=" + Durations.format(atUs), null, false, false);
    }
  }

  /** True while foreground (non-background) work is still scheduled. */
  public boolean busy() {
    return pendingForeground > 0;
  }

  private void runNext() {
    if (interruptRequested) {
      interruptRequested = false;
      throw new Interrupted(nowUs);
    }
    Event event = queue.poll();
    if (event.cancelled) {
      cancelledQueued--;
      return;
    }
    if (!event.background) {
      pendingForeground--;
    }
    nowUs = event.timeUs;
    eventsRun++;
    event.fired = true;
    event.action.run();
  }

  /** Scheduled work; cancelling it is cheap and leaves it in the queue to be skipped. */
  private static final class Event implements Timer {
    final Simulation owner;
    final long timeUs;
    final long sequence;
    final Runnable action;
    final boolean background;
    boolean cancelled;
    boolean fired;

    Event(Simulation owner, long timeUs, long sequence, Runnable action, boolean background) {
      this.owner = owner;
      this.timeUs = timeUs;
      this.sequence = sequence;
      this.action = action;
      this.background = background;
    }

    @Override
    public void cancel() {
      if (cancelled || fired) {
        return;
      }
      cancelled = true;
      if (!background) {
        // A cancelled event no longer counts as pending work, so settle does not wait for it.
        owner.pendingForeground--;
      }
      owner.cancelled();
    }

    @Override
    public boolean pending() {
      return !cancelled && !fired;
    }

    @Override
    public long timeUs() {
      return timeUs;
    }
  }

  /**
   * A timer was cancelled. Cancelled events stay queued until their time and are skipped then; when
   * they outnumber the live ones (long timeouts that are nearly always cancelled), the queue is
   * rebuilt without them, so it does not grow with every request ever made.
   */
  private void cancelled() {
    cancelledQueued++;
    if (cancelledQueued > 4_096 && cancelledQueued > queue.size() / 2) {
      queue.removeIf(event -> event.cancelled);
      cancelledQueued = 0;
    }
  }

  /** Events in the queue, cancelled ones included. */
  public int queued() {
    return queue.size();
  }

  private static long mix(long seed, String component) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < component.length(); i++) {
      h = (h ^ component.charAt(i)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }
}
