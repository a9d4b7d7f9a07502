package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.SessionGuarantee;
import dev.replab.engine.api.SessionGuarantees;
import dev.replab.engine.cluster.Consistency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each client session's memory for its read guarantees: the offset tokens that read-your-writes and
 * monotonic reads carry, kept by the engine's guarantees or by ones an exercise plugs in.
 */
final class Sessions {
  private static final Consistency[] REMEMBERED = {
    Consistency.READ_YOUR_WRITES, Consistency.MONOTONIC
  };

  private final Map<String, EnumMap<Consistency, SessionGuarantee>> byClient =
      new LinkedHashMap<>();
  private Function<Consistency, SessionGuarantee> factory = Sessions::standard;

  private static SessionGuarantee standard(Consistency level) {
    return level == Consistency.MONOTONIC
        ? new SessionGuarantees.Monotonic()
        : new SessionGuarantees.ReadYourWrites();
  }

  /** Gives a new client fresh memory for each guarantee. */
  void open(String client) {
    EnumMap<Consistency, SessionGuarantee> guarantees = new EnumMap<>(Consistency.class);
    for (Consistency level : REMEMBERED) {
      guarantees.put(level, factory.apply(level));
    }
    byClient.put(client, guarantees);
  }

  /** Plugs in other guarantees; every client, in the order they came, starts over with them. */
  void setGuarantees(Function<Consistency, SessionGuarantee> factory) {
    this.factory = factory;
    for (String client : List.copyOf(byClient.keySet())) {
      open(client);
    }
  }

  /** The offset a replica must have applied to serve this client at a consistency level. */
  long tokenFor(String client, Consistency level) {
    SessionGuarantee guarantee = byClient.get(client).get(level);
    return guarantee == null ? 0 : guarantee.minimumOffset();
  }

  /**
   * A successful answer: a write's offset, or how far the replica that served a read had applied.
   */
  void answered(String client, boolean write, long offset, long appliedOffset) {
    for (SessionGuarantee guarantee : byClient.get(client).values()) {
      if (write) {
        guarantee.wrote(offset);
      } else {
        guarantee.read(appliedOffset);
      }
    }
  }
}
