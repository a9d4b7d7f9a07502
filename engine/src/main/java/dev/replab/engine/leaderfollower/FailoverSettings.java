package dev.replab.engine.leaderfollower;

/**
 * How a cluster reacts to a failed leader.
 *
 * @param auto whether failover happens by itself ({@code failover auto}) or only by {@code promote}
 * @param detectUs how long without heartbeats before the leader is suspected
 * @param monitor whether a separate monitor (like Patroni or Orchestrator) runs failover instead of
 *     the followers electing a leader among themselves
 * @param fencing whether storage refuses writes from leaders of older epochs
 * @param stonith whether the old leader is powered off before a new one is promoted
 * @param redirect how clients find the leader
 * @param ttlUs how long a client caches the leader's address under DNS
 */
public record FailoverSettings(
    boolean auto,
    long detectUs,
    boolean monitor,
    boolean fencing,
    boolean stonith,
    Redirect redirect,
    long ttlUs) {
  /** How clients reach the leader. */
  public enum Redirect {
    /** A proxy that always forwards to the current leader. */
    PROXY,
    /** A DNS name whose record clients cache for a time to live. */
    DNS
  }

  public static FailoverSettings manual() {
    return new FailoverSettings(false, 1_000_000, false, false, false, Redirect.PROXY, 5_000_000);
  }

  /** The settings in the syntax {@code failover} reads. */
  public String describe() {
    StringBuilder text = new StringBuilder(auto ? "auto" : "manual");
    if (auto) {
      text.append(" detect=")
          .append(dev.replab.engine.sim.Durations.format(detectUs))
          .append(" monitor=")
          .append(monitor ? "on" : "off");
    }
    text.append(" fencing=")
        .append(fencing ? "on" : "off")
        .append(" stonith=")
        .append(stonith ? "on" : "off");
    text.append(" redirect=")
        .append(
            redirect == Redirect.DNS
                ? "dns ttl=" + dev.replab.engine.sim.Durations.format(ttlUs)
                : "proxy");
    return text.toString();
  }
}
