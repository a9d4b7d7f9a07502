package dev.replab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTests {

  private static Session withCluster() {
    Session session = new Session(1);
    session.execute("create leader-follower nodes=4");
    return session;
  }

  private static List<String> complete(Session session, String line) {
    return session.complete(line, line.length());
  }

  @Test
  void completesCommandNames() {
    Session session = new Session(1);
    assertEquals(List.of("write"), complete(session, "wri"));
    assertEquals(
        List.of("read", "remove", "repair", "reset", "restart", "resume"), complete(session, "re"));
    assertEquals(session.registry().names().size(), complete(session, "").size());
  }

  @Test
  void completesTheCommandAfterASemicolon() {
    assertEquals(List.of("status"), complete(withCluster(), "write x 1; sta"));
  }

  @Test
  void offersNodesAfterFromAndVia() {
    Session session = withCluster();
    assertEquals(List.of("n1", "n2", "n3", "n4"), complete(session, "read x from "));
    assertEquals(List.of("n3"), complete(session, "write x 1 via n3"));
  }

  @Test
  void offersNoNodesBeforeThereIsACluster() {
    assertEquals(List.of(), complete(new Session(1), "read x from "));
  }

  @Test
  void offersModelsAndOptionsAfterCreate() {
    List<String> candidates = complete(new Session(1), "create ");
    assertTrue(candidates.contains("leader-follower"), candidates.toString());
    assertTrue(candidates.contains("nodes="), candidates.toString());
    assertEquals(List.of("leader-follower", "leaderless"), complete(new Session(1), "create lea"));
  }

  @Test
  void optionKeysEndWithEquals() {
    Session session = withCluster();
    assertEquals(List.of("latency=", "loss="), complete(session, "link n1 n2 l"));
    assertEquals(List.of("nodes="), complete(session, "create leader-follower no"));
    List<String> setquorum = complete(session, "setquorum 2 ");
    assertTrue(
        setquorum.containsAll(List.of("first", "any", "ack=", "timeout=")), setquorum.toString());
  }

  @Test
  void offersNodesForNodeCommandsAndClientsAfterAs() {
    Session session = withCluster();
    session.execute("client alice");
    assertEquals(List.of("n1", "n2", "n3", "n4"), complete(session, "crash "));
    assertEquals(List.of("alice", "app"), complete(session, "read x as "));
  }

  @Test
  void offersKnownKeysAndCommandsForHelp() {
    Session session = withCluster();
    session.execute("write apple 1; write avocado 2");
    List<String> keys = complete(session, "read a");
    assertTrue(keys.containsAll(List.of("apple", "avocado")), keys.toString());
    assertEquals(List.of("setquorum", "settle"), complete(session, "help set"));
  }

  @Test
  void unknownCommandOffersNothing() {
    assertFalse(complete(withCluster(), "zzz ").iterator().hasNext());
  }

  @Test
  void completesAtTheCursorNotAtTheEndOfTheLine() {
    Session session = withCluster();
    assertEquals(List.of("write"), session.complete("wri x 1", 3));
  }
}
