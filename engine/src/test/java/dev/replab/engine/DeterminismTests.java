package dev.replab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed and same commands give byte-identical output; that is the engine's law. */
class DeterminismTests {
  /** Touches every command that moves time, changes the network or the commit rule, or reports. */
  static final List<String> SCRIPT =
      List.of(
          "create leader-follower nodes=5 regions=eu,us timeout=5s",
          "client alice region=us",
          "write x 1",
          "write y 2 as alice",
          "read x from n2",
          "read y from n3 as alice",
          "link n1 n3 latency=exp(20ms)",
          "link n2 -> n4 latency=lognormal(5ms,0.5) loss=0.1",
          "link n1 n5 latency=mix(0.9:const(1ms),0.1:pareto(10ms,1.5))",
          "setquorum 2 first (n2,n3,n4) timeout=2s",
          "write x 3",
          "setquorum 2 any ack=applied",
          "write z 4",
          "setquorum all timeout=1s",
          "crash n5",
          "write x 5",
          "lag",
          "restart n5",
          "tick 500ms",
          "setquorum 1 timeout=300ms",
          "partition n1",
          "write y 6",
          "status",
          "promote n2",
          "write y 7; read y from n3",
          "heal",
          "tick 1s",
          "partition n2 -> n3",
          "partition n4 | n5",
          "write q 8",
          "pause n4",
          "write q 9",
          "resume n4",
          "heal",
          "settle",
          "status",
          "lag",
          "history",
          "inspect x",
          "inspect y",
          "log n1",
          "log n2 last=3",
          "delete q",
          "setquorum 0",
          "write w 10 via n2",
          "read w from n5 as bob@us",
          "tick 2s",
          "status",
          "check",
          "history");

  static String run(long seed) {
    Session session = new Session(seed);
    StringBuilder out = new StringBuilder();
    for (String line : SCRIPT) {
      for (Executed executed : session.execute(line)) {
        assertTrue(
            executed.ok(), () -> "'" + executed.source() + "' was rejected: " + executed.text());
        out.append("> ")
            .append(executed.source())
            .append('\n')
            .append(executed.text())
            .append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void sameSeedGivesByteIdenticalOutput() {
    String first = run(12345);
    String second = run(12345);
    assertEquals(first, second);
    assertTrue(first.contains("LOST"), "the script exercises a lost write");
    assertTrue(first.contains("fell back"), "and a semi-sync fallback");
  }

  @Test
  void differentSeedGivesDifferentLatencies() {
    String one = run(1);
    String other = run(2);
    assertNotEquals(one, other);
    String firstWriteOne =
        one.lines().filter(l -> l.startsWith("write x=1")).findFirst().orElseThrow();
    String firstWriteOther =
        other.lines().filter(l -> l.startsWith("write x=1")).findFirst().orElseThrow();
    assertNotEquals(firstWriteOne, firstWriteOther, "the first write's latency already differs");
  }

  @Test
  void addingANodeDoesNotChangeTheDelaysOfOtherLinks() {
    Session three = new Session(9);
    Session four = new Session(9);
    three.execute("create leader-follower nodes=3");
    four.execute("create leader-follower nodes=4");
    for (String line : List.of("write x 1", "read x from n2", "write x 2", "read x from n3")) {
      assertEquals(three.execute(line).get(0).text(), four.execute(line).get(0).text(), line);
    }
  }

  @Test
  void sessionsDoNotShareState() {
    Session a = new Session(3);
    Session b = new Session(3);
    a.execute("create leader-follower; write x 1; tick 5s");
    b.execute("create leader-follower");
    String fromA = a.execute("write y 1").get(0).text();
    b.execute("tick 5s");
    Session c = new Session(3);
    c.execute("create leader-follower; write x 1; tick 5s");
    assertEquals(
        fromA,
        c.execute("write y 1").get(0).text(),
        "another session running meanwhile changes nothing");
  }
}
