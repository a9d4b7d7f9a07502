package dev.replab.engine.api;

/**
 * A client session's memory for one read guarantee: it sees the session's writes and reads and says
 * how far a replica must have applied its log before it may answer the next read. Read-your-writes
 * remembers the session's last write; monotonic reads remember the furthest replica state the
 * session has seen.
 */
public interface SessionGuarantee {
  /** The session's write was committed at {@code offset}. */
  void wrote(long offset);

  /** A replica that had applied up to {@code appliedOffset} answered the session's read. */
  void read(long appliedOffset);

  /** The offset a replica must have applied before answering this session's next read. */
  long minimumOffset();
}
