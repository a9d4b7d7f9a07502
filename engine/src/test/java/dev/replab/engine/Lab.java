package dev.replab.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.LeaderFollower;
import java.util.ArrayList;
import java.util.List;

/**
 * A session driven the way a lesson drives it: every line must be accepted unless a test says
 * otherwise, and the typed results come back without casts in the tests.
 */
public final class Lab {
  private final Session session;
  private final List<String> transcript = new ArrayList<>();

  public Lab(long seed) {
    this.session = new Session(seed);
  }

  /** A lab whose first line has already created a cluster. */
  public static Lab with(long seed, String createLine) {
    Lab lab = new Lab(seed);
    lab.run(createLine);
    return lab;
  }

  public Session session() {
    return session;
  }

  /** The cluster's leader-follower model, for tests that look inside it. */
  public LeaderFollower lf() {
    return session.cluster().model(LeaderFollower.class);
  }

  /** Every line so far with its output, for failure messages. */
  public String transcript() {
    return String.join("\n", transcript);
  }

  /** Runs a line whose every command must be accepted; returns the last command's result. */
  public Executed run(String line) {
    List<Executed> executed = session.execute(line);
    if (executed.isEmpty()) {
      fail("'" + line + "' ran no command");
    }
    for (Executed one : executed) {
      transcript.add("> " + one.source() + "\n" + one.text());
      if (!one.ok()) {
        fail(
            "'"
                + one.source()
                + "' was rejected: "
                + one.text()
                + "\n--- transcript ---\n"
                + transcript());
      }
    }
    return executed.get(executed.size() - 1);
  }

  /** Runs each line in turn, all of which must be accepted. */
  public void runAll(String... lines) {
    for (String line : lines) {
      run(line);
    }
  }

  /** Runs a single command that must be rejected, and returns it. */
  public Executed reject(String line) {
    List<Executed> executed = session.execute(line);
    assertTrue(
        executed.size() == 1,
        () -> "'" + line + "' should be one rejected command, got " + executed);
    Executed one = executed.get(0);
    transcript.add("> " + one.source() + "\n" + one.text());
    assertFalse(
        one.ok(), () -> "'" + line + "' should have been rejected but printed: " + one.text());
    return one;
  }

  public <R extends Result> R result(String line, Class<R> type) {
    Executed executed = run(line);
    return assertInstanceOf(type, executed.result(), () -> "result of '" + line + "'");
  }

  public Result.WriteDone write(String line) {
    return result(line, Result.WriteDone.class);
  }

  public Result.ReadDone read(String line) {
    return result(line, Result.ReadDone.class);
  }

  public Result.Status status() {
    return result("status", Result.Status.class);
  }

  public Result.Inspection inspect(String key) {
    return result("inspect " + key, Result.Inspection.class);
  }

  public Result.HistoryListing history() {
    return result("history", Result.HistoryListing.class);
  }

  /** The status row of one node. */
  public Result.NodeRow node(String id) {
    return status().nodes().stream()
        .filter(row -> row.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no status row for " + id));
  }

  /** The value one replica holds for a key, as {@code inspect} shows it. */
  public Result.Replica replica(String key, String node) {
    return inspect(key).replicas().stream()
        .filter(r -> r.node().equals(node))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no replica " + node + " for " + key));
  }

  /** Simulated time now, in milliseconds. */
  public double nowMs() {
    return session.nowUs() / 1_000.0;
  }
}
