package dev.replab.repl.bench;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The floor for any discrete-event simulator: a {@link PriorityQueue} of (time, sequence) events
 * whose work is trivial. Each popped event pushes one successor a short random delay ahead, so the
 * loop does one push and one pop per event, as the engine does.
 *
 * <p>Besides the live events the queue can hold far-future ones that are never reached, as the
 * engine's queue holds cancelled client timeouts until their time comes. A deeper heap makes every
 * push and pop dearer, so this shows how much of the engine's cost is its queue depth.
 */
final class BareEventLoop {
  /**
   * About as many events as the benchmark's 5-node cluster has in flight at once under its write
   * stream (a one-off count of its queue found about 160 not cancelled).
   */
  static final int LIVE_EVENTS = 160;

  private static final long FAR_FUTURE_US = Long.MAX_VALUE / 2;
  private static final long MAX_DELAY_US = 2_000;

  private long checksum;

  private static final class Event implements Comparable<Event> {
    final long timeUs;
    final long sequence;
    final int payload;

    Event(long timeUs, long sequence, int payload) {
      this.timeUs = timeUs;
      this.sequence = sequence;
      this.payload = payload;
    }

    @Override
    public int compareTo(Event other) {
      int byTime = Long.compare(timeUs, other.timeUs);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  /**
   * Runs {@code events} events with {@code idle} never-reached events under the live ones.
   *
   * @return events per second of wall time
   */
  double eventsPerSecond(long events, int idle) {
    SplittableRandom random = new SplittableRandom(events);
    PriorityQueue<Event> queue = new PriorityQueue<>();
    long sequence = 0;
    for (int i = 0; i < idle; i++) {
      queue.add(new Event(FAR_FUTURE_US + i, sequence++, i));
    }
    for (int i = 0; i < LIVE_EVENTS; i++) {
      queue.add(new Event(random.nextLong(MAX_DELAY_US), sequence++, i));
    }
    long sum = 0;
    long startNs = System.nanoTime();
    for (long i = 0; i < events; i++) {
      Event event = queue.poll();
      sum += event.payload;
      queue.add(
          new Event(
              event.timeUs + 1 + random.nextLong(MAX_DELAY_US), sequence++, event.payload + 1));
    }
    long elapsedNs = System.nanoTime() - startNs;
    // Keeping the sum stops the JIT from deciding that the loop does nothing.
    checksum += sum;
    return events / (elapsedNs / 1e9);
  }
}
