package dev.replab.engine.model;

/** What {@code pause} and {@code resume} say: the host freezes the same way in every model. */
public final class FaultTexts {
  private FaultTexts() {}

  public static String paused(String node) {
    return node
        + " paused: it is frozen and does not know it; messages sent to it meanwhile are lost as its peers' connections time out";
  }

  public static String resumed(String node) {
    return node
        + " resumed: it carries on as if no time had passed until messages tell it otherwise";
  }
}
