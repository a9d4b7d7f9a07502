package dev.replab.repl.bench;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.cluster.Client;
import dev.replab.engine.cluster.Cluster;

/** The cluster both engine measurements run on, built through the same commands a learner types. */
final class Workload {
  static final String CREATE = "create leader-follower nodes=5 apply=50us";
  static final String LEADER = "n1";
  static final String[] NODES = {"n1", "n2", "n3", "n4", "n5"};

  /** Enough keys that no single key's history dominates, few enough to be read back often. */
  private static final int KEY_COUNT = 1_000;

  private static final String[] KEYS = new String[KEY_COUNT];

  static {
    for (int i = 0; i < KEY_COUNT; i++) {
      KEYS[i] = "k" + i;
    }
  }

  private Workload() {}

  /** A fresh 5-node cluster; building it is not part of any measurement. */
  static Cluster freshCluster() {
    Session session = new Session(Session.DEFAULT_SEED);
    for (Executed executed : session.execute(CREATE)) {
      if (!executed.ok()) {
        throw new IllegalStateException("the benchmark cluster was refused: " + executed.error());
      }
    }
    return session.cluster();
  }

  /**
   * The key (and value) for the i-th operation; precomputed so that the harness allocates nothing.
   */
  static String key(int i) {
    return KEYS[i % KEY_COUNT];
  }

  static long clientTimeoutUs(Cluster cluster) {
    for (Client client : cluster.clients()) {
      if (client.name().equals(Cluster.DEFAULT_CLIENT)) {
        return client.timeoutUs();
      }
    }
    throw new IllegalStateException("no default client in the benchmark cluster");
  }
}
