package dev.replab.engine.leaderless;

import dev.replab.engine.net.Payload;
import dev.replab.engine.net.Traffic;
import dev.replab.engine.store.VersionVector;
import java.util.List;
import java.util.Map;

/** Everything the leaderless protocol sends over the simulated network. */
sealed interface Message extends Payload
    permits Message.Put,
        Message.Get,
        Message.Forward,
        Message.Store,
        Message.Stored,
        Message.Fetch,
        Message.Fetched,
        Message.Repair,
        Message.HandedOff,
        Message.SyncRequest,
        Message.SyncReply {

  /**
   * A client asks a node to coordinate a write: {@code value} null deletes; {@code tsUs} is an
   * explicit timestamp (-1: the coordinator's clock); {@code context} is what the client last saw
   * of the key (for version vectors).
   */
  record Put(long opId, String key, String value, long tsUs, VersionVector context)
      implements Message {
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

  /** A client asks a node to coordinate a read. */
  record Get(long opId, String key) implements Message {
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

  /**
   * A node that holds no copy of a key hands a client's write to one that does, which coordinates
   * it and answers the client itself: only a replica can give a write its next dot.
   */
  record Forward(String client, Put put) implements Message {
    public String label() {
      return "forward " + put.label();
    }

    public Traffic traffic() {
      return Traffic.REPLICATION;
    }
  }

  /**
   * A coordinator asks a replica to store a version; {@code hintFor} names the owner it stands in
   * for.
   */
  record Store(long requestId, String key, Version version, String hintFor) implements Message {
    public String label() {
      return "store "
          + key
          + "="
          + String.join(",", version.values())
          + (hintFor == null ? "" : " hint for " + hintFor);
    }

    public Traffic traffic() {
      return Traffic.REPLICATION;
    }
  }

  /** A replica has stored a version. */
  record Stored(long requestId, String key) implements Message {
    public String label() {
      return "stored " + key;
    }

    public Traffic traffic() {
      return Traffic.ACK;
    }
  }

  /** A coordinator asks a replica what it holds for a key. */
  record Fetch(long requestId, String key) implements Message {
    public String label() {
      return "get " + key;
    }

    public Traffic traffic() {
      return Traffic.REPLICATION;
    }
  }

  /** A replica's answer: its version of the key, or null when it has none. */
  record Fetched(long requestId, String key, Version version) implements Message {
    public String label() {
      return version == null ? key + " none" : key + "=" + String.join(",", version.values());
    }

    public Traffic traffic() {
      return Traffic.ACK;
    }
  }

  /**
   * A version pushed to a replica that lacks it: by read repair, anti-entropy, or hinted handoff
   * ({@code hintId} at least 0, so the stand-in can drop its hint once the owner has it); {@code
   * round} names the anti-entropy round that sent it (0 for none).
   */
  record Repair(String key, Version version, String why, long hintId, long round)
      implements Message {
    public String label() {
      return why + " " + key + "=" + String.join(",", version.values());
    }

    public Traffic traffic() {
      return Traffic.REPAIR;
    }
  }

  /** The owner took a handed-off hint. */
  record HandedOff(long hintId) implements Message {
    public String label() {
      return "took hint";
    }

    public Traffic traffic() {
      return Traffic.REPAIR;
    }
  }

  /** Anti-entropy: one replica's hash tree over the keys both replicas should hold. */
  record SyncRequest(long round, MerkleTree tree) implements Message {
    public String label() {
      return "merkle root " + String.format(java.util.Locale.ROOT, "%04x", tree.root() >>> 48);
    }

    public Traffic traffic() {
      return Traffic.REPAIR;
    }
  }

  /**
   * Anti-entropy: the keys the trees disagree on, what the answering replica holds for each, and
   * what the comparison cost.
   */
  record SyncReply(
      long round,
      List<String> keys,
      Map<String, Version> versions,
      int hashesCompared,
      int keysCompared)
      implements Message {
    public String label() {
      return keys.isEmpty() ? "in sync" : keys.size() + " keys differ";
    }

    public Traffic traffic() {
      return Traffic.REPAIR;
    }
  }
}
