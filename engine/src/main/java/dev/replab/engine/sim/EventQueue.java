package dev.replab.engine.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, sequence number), kept in parallel primitive arrays
 * so that comparing two events reads two longs instead of calling a comparator.
 */
final class EventQueue<E> {
  private long[] times = new long[256];
  private long[] sequences = new long[256];
  private Object[] events = new Object[256];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The time of the earliest event; only valid when not empty. */
  long peekTime() {
    return times[0];
  }

  void add(long time, long sequence, E event) {
    if (size == times.length) {
      int grown = size * 2;
      times = Arrays.copyOf(times, grown);
      sequences = Arrays.copyOf(sequences, grown);
      events = Arrays.copyOf(events, grown);
    }
    int at = size++;
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!before(time, sequence, times[parent], sequences[parent])) {
        break;
      }
      move(parent, at);
      at = parent;
    }
    set(at, time, sequence, event);
  }

  /** Removes and returns the earliest event. */
  @SuppressWarnings("unchecked")
  E poll() {
    E first = (E) events[0];
    int last = --size;
    long time = times[last];
    long sequence = sequences[last];
    Object event = events[last];
    events[last] = null;
    if (last > 0) {
      int at = 0;
      int half = last >>> 1;
      while (at < half) {
        int child = 2 * at + 1;
        int right = child + 1;
        if (right < last
            && before(times[right], sequences[right], times[child], sequences[child])) {
          child = right;
        }
        if (!before(times[child], sequences[child], time, sequence)) {
          break;
        }
        move(child, at);
        at = child;
      }
      times[at] = time;
      sequences[at] = sequence;
      events[at] = event;
    }
    return first;
  }

  /**
   * Drops every event {@code dead} accepts and restores the heap. The order in which the remaining
   * events come out is unchanged: it depends only on their (time, sequence) pairs.
   */
  @SuppressWarnings("unchecked")
  void removeIf(java.util.function.Predicate<E> dead) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!dead.test((E) events[i])) {
        set(kept++, times[i], sequences[i], events[i]);
      }
    }
    Arrays.fill(events, kept, size, null);
    size = kept;
    for (int at = (size >>> 1) - 1; at >= 0; at--) {
      siftDown(at);
    }
  }

  private void siftDown(int from) {
    long time = times[from];
    long sequence = sequences[from];
    Object event = events[from];
    int at = from;
    int half = size >>> 1;
    while (at < half) {
      int child = 2 * at + 1;
      int right = child + 1;
      if (right < size && before(times[right], sequences[right], times[child], sequences[child])) {
        child = right;
      }
      if (!before(times[child], sequences[child], time, sequence)) {
        break;
      }
      move(child, at);
      at = child;
    }
    set(at, time, sequence, event);
  }

  private static boolean before(long timeA, long sequenceA, long timeB, long sequenceB) {
    return timeA < timeB || timeA == timeB && sequenceA < sequenceB;
  }

  private void move(int from, int to) {
    times[to] = times[from];
    sequences[to] = sequences[from];
    events[to] = events[from];
  }

  private void set(int at, long time, long sequence, Object event) {
    times[at] = time;
    sequences[at] = sequence;
    events[at] = event;
  }
}
