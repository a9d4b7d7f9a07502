package dev.replab.engine.store;

import dev.replab.engine.sim.Durations;
import java.util.Objects;

/**
 * When a last-write-wins write happened by the clock of the node that took it, and which node that
 * was.
 *
 * <p>The timestamp is whatever that node's (possibly skewed) clock read, in microseconds: last
 * write wins trusts it, which is how a node whose clock runs fast silently overwrites newer writes.
 * A stamp alone does not decide between two writes made in the same microsecond; {@link
 * LwwRegister#WINNER_ORDER} adds the tie-breaks.
 *
 * @param timestampUs the writer's clock reading, in microseconds
 * @param node the node whose clock it was
 */
public record LwwStamp(long timestampUs, String node) {
  public LwwStamp {
    Objects.requireNonNull(node, "a stamp names the node whose clock made it");
  }

  /** {@code 1.5ms@n2}. */
  public String describe() {
    return Durations.format(timestampUs) + "@" + node;
  }
}
