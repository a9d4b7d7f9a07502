package dev.replab.engine.render;

import dev.replab.engine.cluster.Message;
import dev.replab.engine.net.Network;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The recent messages of a run, for space-time diagrams: who sent what to whom, when it left,
 * when it arrived, and whether it was lost. Only the last {@link #KEPT} messages are kept.
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
    private final Message message;
    private Fate fate;

    Hop(long sentUs, long arriveUs, String source, String target, Message message, Fate fate) {
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

    public Message message() {
      return message;
    }

    public Fate fate() {
      return fate;
    }
  }

  private final ArrayDeque<Hop> hops = new ArrayDeque<>();

  @Override
  public void sent(long atUs, String source, String target, Message message, long deliverAtUs, boolean lost) {
    if (hops.size() == KEPT) {
      hops.pollFirst();
    }
    hops.addLast(new Hop(atUs, deliverAtUs, source, target, message, lost ? Fate.LOST : Fate.DELIVERED));
  }

  @Override
  public void dropped(long atUs, String source, String target, Message message, String why) {
    Iterator<Hop> newestFirst = hops.descendingIterator();
    while (newestFirst.hasNext()) {
      Hop hop = newestFirst.next();
      if (hop.message == message && hop.target.equals(target)) {
        hop.fate = why.equals("partition") ? Fate.CUT : Fate.SENDER_CRASHED;
        return;
      }
    }
  }

  /** The kept messages, oldest first. */
  public List<Hop> hops() {
    return new ArrayList<>(hops);
  }
}
