package dev.replab.engine.multileader;

import dev.replab.engine.cluster.Reply;
import dev.replab.engine.store.Dot;
import java.util.List;

/**
 * What a multi-leader node adds to its answers.
 *
 * @param node the node that answered
 * @param dc its datacenter
 * @param dot the write's or update's name, for a write; null for a read
 * @param from for a read of a register, the client operations whose writes it returned; null for a
 *     counter or set
 * @param siblings the concurrent values, when a read returned more than one
 * @param note what else the client should know (its write already lost, a resolver that failed);
 *     null for nothing
 */
record Answer(String node, String dc, Dot dot, List<Long> from, List<String> siblings, String note)
    implements Reply.Detail {
  static Answer of(Reply reply) {
    return reply.detail() instanceof Answer answer ? answer : null;
  }
}
