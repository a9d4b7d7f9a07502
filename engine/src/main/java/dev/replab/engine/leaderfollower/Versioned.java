package dev.replab.engine.leaderfollower;

/** A key's value on one node and the log position (epoch, offset) of the write that set it. */
public record Versioned(String value, long offset, int epoch) {
  public static final Versioned NONE = new Versioned(null, 0, 0);

  /** True when this write comes later in the history of leaders than {@code other}. */
  public boolean newerThan(Versioned other) {
    return epoch != other.epoch ? epoch > other.epoch : offset > other.offset;
  }
}
