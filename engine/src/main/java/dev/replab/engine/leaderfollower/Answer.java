package dev.replab.engine.leaderfollower;

import dev.replab.engine.cluster.Reply;
import java.util.List;

/**
 * What a leader-follower node adds to its answers. For a read, {@code appliedOffset} says how far
 * the node's log was applied when it answered (a session's token); for a write, {@code ackedBy}
 * names the followers whose acknowledgements counted and {@code fellBackAfterUs} is the commit
 * timeout after which the leader gave up waiting for them (-1 when it did not).
 */
record Answer(long appliedOffset, List<String> ackedBy, long fellBackAfterUs)
    implements Reply.Detail {
  Answer {
    ackedBy = List.copyOf(ackedBy);
  }

  /** A successful answer with the value and log position the node had. */
  static Reply ok(
      long opId, Versioned value, long appliedOffset, List<String> ackedBy, long fellBackAfterUs) {
    long offset = value.offset();
    return new Reply(
        opId,
        true,
        value.value(),
        offset,
        value.epoch(),
        offset > 0 ? "@" + offset : "",
        offset > 0 ? "offset " + offset + " epoch " + value.epoch() : null,
        null,
        false,
        new Answer(appliedOffset, ackedBy, fellBackAfterUs));
  }

  /** The detail of a reply, or an empty one for a refusal. */
  static Answer of(Reply reply) {
    return reply.detail() instanceof Answer answer ? answer : new Answer(0, List.of(), -1);
  }
}
