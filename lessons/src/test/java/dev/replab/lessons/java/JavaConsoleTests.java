package dev.replab.lessons.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Session;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code :java} through JShell: engine objects print readably, and Tab completes Java. */
class JavaConsoleTests {
  private static JavaConsole console;
  private static Session session;

  @BeforeAll
  static void startJShell() {
    console = new JavaConsole();
    session = new Session(1);
    session.execute("create leader-follower; write x 1; crash n3");
  }

  @AfterAll
  static void stopJShell() {
    console.close();
  }

  @Test
  void nodesPrintWithTheirRolesStatesAndOffsets() {
    assertEquals(
        "n1 leader, epoch 1, received 1, applied 1, region dc1\n"
            + "n2 follower, epoch 1, received 0, applied 0, region dc1\n"
            + "n3 follower (crashed), epoch 1, received 1, applied 0, region dc1",
        console.eval("cluster.nodes()", session));
    assertEquals(
        "n1 leader, epoch 1, received 1, applied 1, region dc1",
        console.eval("var leader = cluster.leader(); leader", session));
  }

  @Test
  void otherValuesKeepJShellsOwnPrinting() {
    assertEquals("42", console.eval("6 * 7", session));
    assertEquals("\"n1\"", console.eval("cluster.leader().id()", session));
    assertEquals("[]", console.eval("new ArrayList<String>()", session));
  }

  @Test
  void tabCompletesMembersOfTheLiveCluster() {
    List<String> completions = console.complete("cluster.nod", 11, session);
    assertTrue(completions.contains("cluster.nodes()"), completions::toString);
    assertTrue(completions.contains("cluster.node("), completions::toString);
  }

  @Test
  void aNewCreateRebindsClusterWithTheNewModelsType() {
    Session other = new Session(2);
    other.execute("create leaderless");
    assertEquals("\"Leaderless\"", console.eval("cluster.getClass().getSimpleName()", other));
    other.execute("create leader-follower nodes=2");
    assertEquals("2", console.eval("cluster.nodes().size()", other));
    assertEquals("n1", console.eval("cluster.leader().id()", session).replace("\"", ""));
  }
}
