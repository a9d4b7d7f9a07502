package dev.replab.repl.java;

import dev.replab.engine.Session;
import dev.replab.engine.cluster.Cluster;

/**
 * The hand-over point between the REPL and Java cells. JShell compiles each snippet into its own
 * class, so the only way a snippet can reach an object that already lives in this JVM is through a
 * class both sides load: this one. The REPL sets it before each evaluation; nothing else writes it,
 * and it is the only static mutable field in the program for that reason.
 */
public final class LiveSession {
  private static volatile Session current;

  private LiveSession() {}

  static void set(Session session) {
    current = session;
  }

  /** The session the running cell belongs to. */
  public static Session session() {
    return current;
  }

  /** The live cluster, or null before {@code create}. */
  public static Cluster cluster() {
    return current == null ? null : current.cluster();
  }
}
