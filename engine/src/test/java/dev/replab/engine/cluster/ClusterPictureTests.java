package dev.replab.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replab.engine.Session;
import org.junit.jupiter.api.Test;

/** What {@code :java cluster} prints: a one-line picture of every node. */
class ClusterPictureTests {
  @Test
  void theClusterDescribesEachNodesRoleStateEpochAndOffset() {
    Session session = new Session(1);
    session.execute("create leader-follower; write x 1; crash n3; promote n2");
    assertEquals(
        "leader-follower cluster at t=1.87ms: n1 (leader, epoch 1, offset 1) n2 (leader, epoch 2, offset 0)"
            + " n3 (follower, crashed, epoch 1, offset 1); setquorum 0",
        session.cluster().toString());
    assertEquals("session (seed 1): " + session.cluster(), session.toString());
  }
}
