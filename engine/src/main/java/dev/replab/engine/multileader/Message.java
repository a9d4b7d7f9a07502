package dev.replab.engine.multileader;

import dev.replab.engine.net.Payload;
import dev.replab.engine.net.Traffic;

/** Everything a multi-leader cluster sends over the simulated network. */
sealed interface Message extends Payload
    permits Message.Write, Message.Update, Message.Read, Message.Ship, Message.Shipped {

  /** A client's write ({@code value} null deletes) to a datacenter's leader. */
  record Write(long opId, String key, String value) implements Message {
    public String label() {
      return value == null ? "delete " + key : "write " + key + "=" + value;
    }

    public Traffic traffic() {
      return Traffic.REQUEST;
    }

    @Override
    public long requestOpId() {
      return opId;
    }
  }

  /** A client's update of a counter or a set. */
  record Update(long opId, String key, Crdt.Update update) implements Message {
    public String label() {
      return update.describe(key);
    }

    public Traffic traffic() {
      return Traffic.REQUEST;
    }

    @Override
    public long requestOpId() {
      return opId;
    }
  }

  /** A client's read. */
  record Read(long opId, String key) implements Message {
    public String label() {
      return "read " + key;
    }

    public Traffic traffic() {
      return Traffic.REQUEST;
    }

    @Override
    public long requestOpId() {
      return opId;
    }
  }

  /** The {@code index}-th change (from 0) a node sends over one link, in the link's order. */
  record Ship(long index, Change change) implements Message {
    public String label() {
      return change.label();
    }

    public Traffic traffic() {
      return Traffic.REPLICATION;
    }
  }

  /** The receiver has the first {@code count} changes of the link. */
  record Shipped(long count) implements Message {
    public String label() {
      return "have " + count;
    }

    public Traffic traffic() {
      return Traffic.ACK;
    }
  }
}
