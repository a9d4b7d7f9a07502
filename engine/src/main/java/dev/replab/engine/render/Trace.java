package dev.replab.engine.render;

import dev.replab.engine.net.Network;
import dev.replab.engine.net.Payload;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent messages of a run, for space-time diagrams: who sent what to whom, when it left, when
 * it arrived, and whether it was lost. Only the last {@link #KEPT} messages are kept.
 */
public final class Trace implements Network.Listener {
  /** How many messages are kept. */
  public static final int KEPT = 20_000;

  /** What became of a message. */
  public enum Fate {
    DELIVERED,
    LOST,
    CUT,
    SENDER_CRASHED
  }

  /** One message on the wire. */
  public static final class Hop {
    private final long sentUs;
    private final long arriveUs;
    private final String source;
    private final String target;
    private final Payload message;
    private final Fate fate;

    Hop(long sentUs, long arriveUs, String source, String target, Payload message, Fate fate) {
      this.sentUs = sentUs;
      this.arriveUs = arriveUs;
      this.source = source;
      this.target = target;
      this.message = message;
      this.fate = fate;
    }

    public long sentUs() {
      return sentUs;
    }

    public long arriveUs() {
      return arriveUs;
    }

    public String source() {
      return source;
    }

    public String target() {
      return target;
    }

    public Payload message() {
      return message;
    }

    public Fate fate() {
      return fate;
    }
  }

  // A ring buffer in parallel arrays: recording a message allocates nothing, which matters when
  // a workload sends millions of them. Hops are built only when a diagram asks for them.
  private final long[] sent = new long[KEPT];
  private final long[] arrive = new long[KEPT];
  private final String[] sources = new String[KEPT];
  private final String[] targets = new String[KEPT];
  private final Payload[] messages = new Payload[KEPT];
  private final Fate[] fates = new Fate[KEPT];
  private long recorded;

  @Override
  public void sent(
      long atUs, String source, String target, Payload message, long deliverAtUs, boolean lost) {
    int slot = (int) (recorded++ % KEPT);
    sent[slot] = atUs;
    arrive[slot] = deliverAtUs;
    sources[slot] = source;
    targets[slot] = target;
    messages[slot] = message;
    fates[slot] = lost ? Fate.LOST : Fate.DELIVERED;
  }

  @Override
  public void dropped(long atUs, String source, String target, Payload message, String why) {
    long oldest = Math.max(0, recorded - KEPT);
    for (long index = recorded - 1; index >= oldest; index--) {
      int slot = (int) (index % KEPT);
      if (messages[slot] == message && targets[slot].equals(target)) {
        fates[slot] = why.equals("partition") ? Fate.CUT : Fate.SENDER_CRASHED;
        return;
      }
    }
  }

  /** The kept messages, oldest first. */
  public List<Hop> hops() {
    return recent(KEPT);
  }

  /** The newest {@code limit} kept messages, oldest first. */
  public List<Hop> recent(int limit) {
    long oldest = Math.max(0, recorded - Math.min(KEPT, limit));
    List<Hop> hops = new ArrayList<>((int) (recorded - oldest));
    for (long index = oldest; index < recorded; index++) {
      int slot = (int) (index % KEPT);
      hops.add(
          new Hop(
              sent[slot], arrive[slot], sources[slot], targets[slot], messages[slot], fates[slot]));
    }
    return hops;
  }
}
