package dev.replab.engine.api;

/** The engine's session guarantees. */
public final class SessionGuarantees {
  private SessionGuarantees() {}

  /** Read-your-writes: replicas must have applied the session's own last write. */
  public static final class ReadYourWrites implements SessionGuarantee {
    private long lastWrite;

    @Override
    public void wrote(long offset) {
      lastWrite = Math.max(lastWrite, offset);
    }

    @Override
    public void read(long appliedOffset) {}

    @Override
    public long minimumOffset() {
      return lastWrite;
    }
  }

  /** Monotonic reads: replicas must be at least as far as any the session read from. */
  public static final class Monotonic implements SessionGuarantee {
    private long furthest;

    @Override
    public void wrote(long offset) {}

    @Override
    public void read(long appliedOffset) {
      furthest = Math.max(furthest, appliedOffset);
    }

    @Override
    public long minimumOffset() {
      return furthest;
    }
  }
}
