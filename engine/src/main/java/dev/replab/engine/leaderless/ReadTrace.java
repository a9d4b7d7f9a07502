package dev.replab.engine.leaderless;

import java.util.ArrayList;
import java.util.List;

/**
 * The story of one read, kept for {@code why}: which replicas the coordinator asked, who answered
 * when and with what, what it decided, and whom read repair fixed.
 */
final class ReadTrace {
  final long opId;
  final String coordinator;
  final long startUs;
  final List<String> asked = new ArrayList<>();
  final List<Heard> heard = new ArrayList<>();
  final List<String> repaired = new ArrayList<>();
  Version decided;
  boolean hasDecided;

  /** One replica's answer: when it came, what it held, and whether it was in time. */
  record Heard(String node, Version version, long atUs, boolean late) {}

  ReadTrace(long opId, String coordinator, long startUs) {
    this.opId = opId;
    this.coordinator = coordinator;
    this.startUs = startUs;
  }

  void asked(String node) {
    asked.add(node);
  }

  void answered(String node, Version version, long atUs, boolean late) {
    heard.add(new Heard(node, version, atUs, late));
  }

  void decided(Version newest) {
    decided = newest;
    hasDecided = true;
  }

  void repaired(String node) {
    repaired.add(node);
  }
}
