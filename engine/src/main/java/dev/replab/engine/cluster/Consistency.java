package dev.replab.engine.cluster;

import java.util.Locale;

/** The session guarantee a client asks of its reads. */
public enum Consistency {
  /** Any replica, as it is: reads may be stale. */
  EVENTUAL,
  /** Every read goes to the leader: fresh, but no read scaling. */
  LEADER,
  /** A replica answers only once it has applied the client's own last write (an offset token). */
  READ_YOUR_WRITES,
  /** A replica answers only once it is at least as far as any the client read before. */
  MONOTONIC;

  /** The word used in commands: {@code read-your-writes}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a command word, or returns null when it names no level. */
  public static Consistency parse(String word) {
    for (Consistency level : values()) {
      if (level.word().equals(word)) {
        return level;
      }
    }
    return null;
  }
}
