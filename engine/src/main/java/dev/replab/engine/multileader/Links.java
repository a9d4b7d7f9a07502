package dev.replab.engine.multileader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * One node's replication streams: to each peer an ordered outbox of changes it resends until the
 * peer acknowledges them, and from each peer the count of changes received in order, with the ones
 * that overtook an earlier change kept until the gap is filled. Like a binlog and a relay log, all
 * of it is on disk and survives a crash.
 */
final class Links {
  /** How many unacknowledged changes one resend sends to a peer at most. */
  static final int RESEND_BATCH = 64;

  private final Map<String, Outbox> out = new LinkedHashMap<>();
  private final Map<String, Inbox> in = new LinkedHashMap<>();

  private static final class Outbox {
    private final List<Change> changes = new ArrayList<>();
    private long base;
    private long acked;

    long size() {
      return base + changes.size();
    }

    Change get(long index) {
      return changes.get((int) (index - base));
    }

    void ackedUpTo(long count) {
      acked = Math.max(acked, Math.min(count, size()));
      int done = (int) (acked - base);
      if (done > 1024) {
        changes.subList(0, done).clear();
        base = acked;
      }
    }
  }

  private static final class Inbox {
    private long received;
    private final TreeMap<Long, Change> early = new TreeMap<>();
  }

  /** Queues a change for {@code peer} and returns its index on the link, for sending now. */
  Message.Ship queue(String peer, Change change) {
    Outbox box = out.computeIfAbsent(peer, p -> new Outbox());
    box.changes.add(change);
    return new Message.Ship(box.size() - 1, change);
  }

  /** Resends what each peer has not acknowledged yet, a batch at a time. */
  void resend(BiConsumer<String, Message.Ship> send) {
    for (Map.Entry<String, Outbox> entry : out.entrySet()) {
      Outbox box = entry.getValue();
      long end = Math.min(box.size(), box.acked + RESEND_BATCH);
      for (long i = box.acked; i < end; i++) {
        send.accept(entry.getKey(), new Message.Ship(i, box.get(i)));
      }
    }
  }

  /** The peer has the first {@code count} changes of its link. */
  void acked(String peer, long count) {
    Outbox box = out.get(peer);
    if (box != null) {
      box.ackedUpTo(count);
    }
  }

  /**
   * A change arrived from {@code peer}: returns the changes that are now in order (none when it is
   * a resent duplicate or overtook an earlier one), and the count to acknowledge.
   */
  List<Change> received(String peer, Message.Ship ship) {
    Inbox box = in.computeIfAbsent(peer, p -> new Inbox());
    List<Change> ready = new ArrayList<>();
    if (ship.index() < box.received) {
      return ready;
    }
    box.early.put(ship.index(), ship.change());
    while (!box.early.isEmpty() && box.early.firstKey() == box.received) {
      ready.add(box.early.pollFirstEntry().getValue());
      box.received++;
    }
    return ready;
  }

  /** How many changes from {@code peer} arrived in order. */
  long receivedFrom(String peer) {
    Inbox box = in.get(peer);
    return box == null ? 0 : box.received;
  }

  /** How many changes {@code peer} has not acknowledged. */
  long unacked(String peer) {
    Outbox box = out.get(peer);
    return box == null ? 0 : box.size() - box.acked;
  }

  /** The peers this node sends to, in the order their links were opened. */
  List<String> peers() {
    return List.copyOf(out.keySet());
  }
}
