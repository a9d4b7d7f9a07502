package dev.replab.engine.net;

/**
 * What a message carries, as the network and the diagrams see it. Every replication model defines
 * its own messages; the network moves them without knowing which model they belong to, and
 * timelines draw them by the label and the kind of traffic they name for themselves.
 */
public interface Payload {
  /** A short label for diagrams, such as "write x=1", "append 3-4" or "hint x for n3". */
  String label();

  /** The kind of traffic, so that a diagram can colour and filter it without knowing the model. */
  Traffic traffic();

  /**
   * True for traffic that only keeps a healthy cluster in touch (heartbeats and their replies): it
   * never keeps {@code settle} from finishing.
   */
  default boolean background() {
    return false;
  }

  /** The client operation a client's request belongs to, or -1 for anything else. */
  default long requestOpId() {
    return -1;
  }

  /** The client operation an answer to a client is for, or -1 for anything else. */
  default long answersOpId() {
    return -1;
  }
}
