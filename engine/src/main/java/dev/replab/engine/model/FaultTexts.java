package dev.replab.engine.model;

/**
 * Sentences every model says the same way: what {@code pause} and {@code resume} do to a host, and
 * how a client operation that did not succeed is reported.
 */
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

  /** {@code fail after 2.1ms: why}: the end of the line for an operation that did not succeed. */
  public static String didNotSucceed(dev.replab.engine.history.Operation op, double latencyMs) {
    return op.outcome().name().toLowerCase(java.util.Locale.ROOT)
        + " after "
        + dev.replab.engine.command.Result.ms(latencyMs)
        + ": "
        + op.error();
  }
}
