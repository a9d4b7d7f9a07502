package dev.replab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTests {

  @Test
  void semicolonsSeparateCommandsThatRunInOrder() {
    Session session = new Session(1);
    List<Executed> executed =
        session.execute("create leader-follower nodes=3;write x 1 ;  read x ;tick 1s");
    assertEquals(
        List.of("create leader-follower nodes=3", "write x 1", "read x", "tick 1s"),
        executed.stream().map(Executed::source).toList());
    assertEquals(
        List.of("create", "write", "read", "tick"),
        executed.stream().map(Executed::command).toList());
    assertTrue(executed.stream().allMatch(Executed::ok));
    assertTrue(executed.get(2).text().startsWith("read x from n1: 1"), executed.get(2).text());
    for (int i = 1; i < executed.size(); i++) {
      assertTrue(
          executed.get(i).tUs() > executed.get(i - 1).tUs(),
          "each command ran after the one before it");
    }
  }

  @Test
  void emptyCommandsAndCommentsRunNothing() {
    Session session = new Session(1);
    assertEquals(List.of(), session.execute(""));
    assertEquals(List.of(), session.execute("  ;; # only a comment"));
    assertEquals(List.of(), session.journal());
  }

  @Test
  void commandRejectedByTheStateOfTheClusterDoesNotStopTheRestOfTheLine() {
    Session session = new Session(1);
    session.execute("create leader-follower nodes=3");
    List<Executed> executed = session.execute("crash n2; crash n2; status");
    assertEquals(List.of(true, false, true), executed.stream().map(Executed::ok).toList());
    assertEquals("n2 is already crashed", executed.get(1).error());
    assertNull(executed.get(1).result());
    assertEquals(
        List.of("create leader-follower nodes=3", "crash n2", "status"), session.journal());
  }

  @Test
  void journalHoldsOnlyAcceptedCommandsInOrder() {
    Session session = new Session(1);
    session.execute("status");
    session.execute("create leader-follower nodes=3");
    session.execute("write x 1; wrte y 2");
    session.execute("read x from n7");
    session.execute("write y \"two words\" as alice # note");
    session.execute("restart n1");
    session.execute("tick 1s");
    assertEquals(
        List.of(
            "create leader-follower nodes=3",
            "write x 1",
            "write y \"two words\" as alice",
            "tick 1s"),
        session.journal());
  }

  @Test
  void replayingTheJournalWithTheSameSeedReproducesTheOutput() {
    Session original = new Session(77);
    List<String> lines =
        List.of(
            "create leader-follower nodes=4 regions=eu,us",
            "write x 1",
            "read x from n2",
            "bogus",
            "crash n3",
            "setquorum 2 any timeout=500ms",
            "write x 2",
            "restart n2",
            "partition n1 -> n4",
            "write y 3",
            "read y from n4 as carol@us",
            "heal",
            "tick 1s",
            "status",
            "history",
            "lag",
            "inspect x");
    List<String> output = new ArrayList<>();
    for (String line : lines) {
      for (Executed executed : original.execute(line)) {
        if (executed.ok()) {
          output.add(executed.text());
        }
      }
    }
    assertEquals(
        lines.size() - 2, original.journal().size(), "'bogus' and 'restart n2' were rejected");

    Session replay = new Session(77);
    List<String> replayed = new ArrayList<>();
    for (String line : original.journal()) {
      for (Executed executed : replay.execute(line)) {
        assertTrue(executed.ok(), executed.text());
        replayed.add(executed.text());
      }
    }
    assertEquals(output, replayed);
    assertEquals(original.journal(), replay.journal());
    assertEquals(original.nowUs(), replay.nowUs());
  }

  @Test
  void seedCommandChoosesTheSeedOfTheNextCluster() {
    Session session = new Session(1);
    session.execute("seed 99");
    assertEquals(99, session.seed());
    assertTrue(session.execute("create leader-follower").get(0).text().contains("(seed 99)"));
    assertEquals(99, session.cluster().sim().seed());
  }

  @Test
  void resetForgetsTheClusterButKeepsTheSeed() {
    Session session = new Session(5);
    session.execute("create leader-follower; write x 1");
    List<Executed> reset = session.execute("reset");
    assertTrue(reset.get(0).text().contains("seed is still 5"));
    assertNull(session.cluster());
    assertEquals(0, session.nowUs());
    assertEquals("no cluster", session.promptLabel());
    assertFalse(session.execute("read x").get(0).ok());
  }

  @Test
  void createReplacesTheClusterAndItsHistory() {
    Session session = new Session(1);
    session.execute("create leader-follower nodes=3; write x 1; tick 1s");
    session.execute("create leader-follower nodes=5");
    assertEquals(5, session.cluster().nodeIds().size());
    assertEquals(0, session.cluster().history().size());
    assertEquals(0, session.nowUs());
  }
}
