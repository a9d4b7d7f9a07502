package dev.replab.lessons.java;

import dev.replab.engine.Session;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.model.ReplicationModel;

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

  /**
   * The live cluster's kernel (hosts, clients, network, history), or null before {@code create}.
   */
  public static Cluster kernel() {
    return current == null ? null : current.cluster();
  }

  /** The running replication model, or null before {@code create}. */
  public static ReplicationModel model() {
    Cluster cluster = kernel();
    return cluster == null ? null : cluster.model();
  }

  /** The type {@code :java} declares {@code cluster} with: the running model's own class. */
  static String modelType() {
    ReplicationModel model = model();
    return model == null ? ReplicationModel.class.getName() : model.getClass().getCanonicalName();
  }
}
