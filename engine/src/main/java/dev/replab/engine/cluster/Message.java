package dev.replab.engine.cluster;

import java.util.List;

/** Everything that travels over the simulated network. */
public sealed interface Message
    permits Message.ClientWrite,
        Message.ClientRead,
        Message.ClientReply,
        Message.Append,
        Message.AppendReply {

  /** Hands this message to the matching method of a handler (Java 17 has no pattern switch). */
  void dispatch(String source, Handler handler);

  /**
   * True for traffic that only keeps a healthy cluster in touch (heartbeats and their replies):
   * it never keeps {@code settle} from finishing.
   */
  default boolean background() {
    return false;
  }

  /** The operation a client request belongs to, or -1 for traffic between nodes. */
  default long requestOpId() {
    return -1;
  }

  /** Receives messages by kind; what a receiver does not handle it ignores. */
  interface Handler {
    default void onClientWrite(String source, ClientWrite write) {}

    default void onClientRead(String source, ClientRead read) {}

    default void onClientReply(String source, ClientReply reply) {}

    default void onAppend(String source, Append append) {}

    default void onAppendReply(String source, AppendReply reply) {}
  }

  /** A client asks a node to write (or, with a null value, delete) a key. */
  record ClientWrite(long opId, String key, String value) implements Message {
    public void dispatch(String source, Handler handler) {
      handler.onClientWrite(source, this);
    }

    @Override
    public long requestOpId() {
      return opId;
    }
  }

  /** A client asks a node for its current value of a key. */
  record ClientRead(long opId, String key) implements Message {
    public void dispatch(String source, Handler handler) {
      handler.onClientRead(source, this);
    }

    @Override
    public long requestOpId() {
      return opId;
    }
  }

  /**
   * A node answers a client. For a read, {@code value} and {@code version} are what the node had
   * applied; {@code appliedOffset} says how far its log was applied when it answered. For a
   * write, {@code ackedBy} names the followers whose acknowledgements counted and
   * {@code fellBack} says the leader gave up waiting for them.
   */
  record ClientReply(
      long opId,
      boolean ok,
      String value,
      long version,
      int epoch,
      long appliedOffset,
      List<String> ackedBy,
      boolean fellBack,
      String error,
      boolean indefinite)
      implements Message {
    public void dispatch(String source, Handler handler) {
      handler.onClientReply(source, this);
    }

    /** A successful answer. */
    public static ClientReply ok(long opId, Versioned value, long appliedOffset, List<String> ackedBy, boolean fellBack) {
      return new ClientReply(opId, true, value.value(), value.offset(), value.epoch(), appliedOffset, ackedBy, fellBack, null, false);
    }

    /**
     * A refusal. {@code indefinite} says the request may still take effect (a write that was
     * logged but not committed when its leader stepped down); otherwise it surely did not.
     */
    public static ClientReply refused(long opId, String error, boolean indefinite) {
      return new ClientReply(opId, false, null, 0, 0, 0, List.of(), false, error, indefinite);
    }
  }

  /**
   * The leader's replication stream: entries that follow {@code prevOffset}, whose entry was
   * written in {@code prevEpoch}. With no entries it is a heartbeat that still lets the follower
   * check that its log matches.
   */
  record Append(
      int epoch, String leader, long prevOffset, int prevEpoch, List<LogEntry> entries, long commitOffset)
      implements Message {
    public void dispatch(String source, Handler handler) {
      handler.onAppend(source, this);
    }

    @Override
    public boolean background() {
      return entries.isEmpty();
    }
  }

  /**
   * A follower's answer to the stream. {@code accepted} false means its log did not line up: it
   * asks the leader to resend from after {@code hintOffset}, whose entry it has from
   * {@code hintEpoch}. {@code heartbeat} marks an accepted answer to an empty heartbeat that
   * changed nothing.
   */
  record AppendReply(
      int epoch,
      boolean accepted,
      long receivedOffset,
      long appliedOffset,
      long hintOffset,
      int hintEpoch,
      boolean heartbeat)
      implements Message {
    public void dispatch(String source, Handler handler) {
      handler.onAppendReply(source, this);
    }

    @Override
    public boolean background() {
      return heartbeat;
    }
  }
}
