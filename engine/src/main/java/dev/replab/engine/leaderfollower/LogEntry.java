package dev.replab.engine.leaderfollower;

/**
 * One write in a replication log: its position, the leader epoch that wrote it, and the change. A
 * null value is a delete. {@code writtenUs} is when the leader appended it.
 */
public record LogEntry(
    long offset, int epoch, String key, String value, long writtenUs, long opId) {}
