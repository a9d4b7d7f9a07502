package dev.replab.engine.leaderfollower;

import dev.replab.engine.net.Payload;
import dev.replab.engine.net.Traffic;
import java.util.List;

/** Everything the leader-follower protocol sends over the simulated network. */
public sealed interface Message extends Payload
    permits Message.ClientWrite,
        Message.ClientRead,
        Message.Append,
        Message.AppendReply,
        Message.RequestVote,
        Message.Vote,
        Message.Ping,
        Message.Pong,
        Message.StatusQuery,
        Message.StatusReport,
        Message.PromoteOrder {

  /** Hands this message to the matching method of a handler (Java 17 has no pattern switch). */
  void dispatch(String source, Handler handler);

  /** Receives messages by kind; what a receiver does not handle it ignores. */
  interface Handler {
    default void onClientWrite(String source, ClientWrite write) {}

    default void onClientRead(String source, ClientRead read) {}

    default void onAppend(String source, Append append) {}

    default void onAppendReply(String source, AppendReply reply) {}

    default void onRequestVote(String source, RequestVote request) {}

    default void onVote(String source, Vote vote) {}

    default void onPing(String source, Ping ping) {}

    default void onPong(String source, Pong pong) {}

    default void onStatusQuery(String source, StatusQuery query) {}

    default void onStatusReport(String source, StatusReport report) {}

    default void onPromoteOrder(String source, PromoteOrder order) {}
  }

  /** A client asks a node to write (or, with a null value, delete) a key. */
  record ClientWrite(long opId, String key, String value) implements Message {
    public Traffic traffic() {
      return Traffic.REQUEST;
    }

    public String label() {
      return value == null ? "delete " + key : "write " + key + "=" + value;
    }

    public void dispatch(String source, Handler handler) {
      handler.onClientWrite(source, this);
    }

    @Override
    public long requestOpId() {
      return opId;
    }
  }

  /**
   * A client asks a node for its current value of a key; the node answers only once it has applied
   * {@code minOffset} (0: at once).
   */
  record ClientRead(long opId, String key, long minOffset) implements Message {
    public Traffic traffic() {
      return Traffic.REQUEST;
    }

    public String label() {
      return "read " + key + (minOffset > 0 ? " >=" + minOffset : "");
    }

    public void dispatch(String source, Handler handler) {
      handler.onClientRead(source, this);
    }

    @Override
    public long requestOpId() {
      return opId;
    }
  }

  /**
   * The leader's replication stream: entries that follow {@code prevOffset}, whose entry was
   * written in {@code prevEpoch}. With no entries it is a heartbeat that still lets the follower
   * check that its log matches.
   */
  record Append(
      int epoch,
      String leader,
      long prevOffset,
      int prevEpoch,
      List<LogEntry> entries,
      long commitOffset)
      implements Message {
    public Traffic traffic() {
      return entries.isEmpty() ? Traffic.HEARTBEAT : Traffic.REPLICATION;
    }

    public void dispatch(String source, Handler handler) {
      handler.onAppend(source, this);
    }

    public String label() {
      if (entries.isEmpty()) {
        return "heartbeat e" + epoch;
      }
      long first = entries.get(0).offset();
      long last = entries.get(entries.size() - 1).offset();
      return "append "
          + (first == last ? String.valueOf(first) : first + "-" + last)
          + (epoch > 1 ? " e" + epoch : "");
    }

    @Override
    public boolean background() {
      return entries.isEmpty();
    }
  }

  /**
   * A follower's answer to the stream. {@code accepted} false means its log did not line up: it
   * asks the leader to resend from after {@code hintOffset}, whose entry it has from {@code
   * hintEpoch}. {@code heartbeat} marks an accepted answer to an empty heartbeat that changed
   * nothing.
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
    public Traffic traffic() {
      return heartbeat ? Traffic.HEARTBEAT : Traffic.ACK;
    }

    public void dispatch(String source, Handler handler) {
      handler.onAppendReply(source, this);
    }

    public String label() {
      return accepted
          ? "ack "
              + receivedOffset
              + (appliedOffset < receivedOffset ? " (applied " + appliedOffset + ")" : "")
          : "resend after " + hintOffset;
    }

    @Override
    public boolean background() {
      return heartbeat;
    }
  }

  /** A candidate asks for a vote to lead {@code epoch}; its log ends at (lastEpoch, lastOffset). */
  record RequestVote(int epoch, String candidate, int lastEpoch, long lastOffset)
      implements Message {
    public Traffic traffic() {
      return Traffic.ELECTION;
    }

    public void dispatch(String source, Handler handler) {
      handler.onRequestVote(source, this);
    }

    public String label() {
      return "vote for me? e" + epoch;
    }
  }

  /** A voter's answer, with the reason when it refuses. */
  record Vote(int epoch, boolean granted, String reason) implements Message {
    public Traffic traffic() {
      return Traffic.ELECTION;
    }

    public void dispatch(String source, Handler handler) {
      handler.onVote(source, this);
    }

    public String label() {
      return (granted ? "yes" : "no") + " e" + epoch;
    }
  }

  /** The monitor's health check of the leader. */
  record Ping(long sequence) implements Message {
    public Traffic traffic() {
      return Traffic.MONITOR;
    }

    public void dispatch(String source, Handler handler) {
      handler.onPing(source, this);
    }

    public String label() {
      return "ping";
    }

    @Override
    public boolean background() {
      return true;
    }
  }

  /** A node's answer to a health check: who it is and whether it leads. */
  record Pong(long sequence, int epoch, boolean leading) implements Message {
    public Traffic traffic() {
      return Traffic.MONITOR;
    }

    public void dispatch(String source, Handler handler) {
      handler.onPong(source, this);
    }

    public String label() {
      return "pong";
    }

    @Override
    public boolean background() {
      return true;
    }
  }

  /** The monitor asks a node where its log ends, to pick the most up-to-date one. */
  record StatusQuery(long round) implements Message {
    public Traffic traffic() {
      return Traffic.MONITOR;
    }

    public void dispatch(String source, Handler handler) {
      handler.onStatusQuery(source, this);
    }

    public String label() {
      return "where is your log?";
    }
  }

  /** A node's answer to the monitor. */
  record StatusReport(long round, int epoch, int lastEpoch, long lastOffset, boolean leading)
      implements Message {
    public Traffic traffic() {
      return Traffic.MONITOR;
    }

    public void dispatch(String source, Handler handler) {
      handler.onStatusReport(source, this);
    }

    public String label() {
      return "at " + lastOffset + " e" + lastEpoch;
    }
  }

  /** The monitor tells a node to lead {@code epoch}. */
  record PromoteOrder(int epoch) implements Message {
    public Traffic traffic() {
      return Traffic.MONITOR;
    }

    public void dispatch(String source, Handler handler) {
      handler.onPromoteOrder(source, this);
    }

    public String label() {
      return "lead e" + epoch + "!";
    }
  }
}
