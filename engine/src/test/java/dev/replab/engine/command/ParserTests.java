package dev.replab.engine.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.replab.engine.Executed;
import dev.replab.engine.Lab;
import dev.replab.engine.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command language as a learner meets it: examples that run and mistakes that are explained.
 */
class ParserTests {
  private static final String FOUR_NODES = "create leader-follower nodes=4 regions=eu,us";

  /** What must be true before an example can run in a fresh four-node cluster. */
  private static final Map<String, String> SETUP =
      Map.of(
          "restart n1", "crash n1",
          "resume n1", "pause n1",
          "why 1", "write x 1",
          "why 2", "write x 1; read x");

  /** Commands that work without a cluster. */
  private static final Set<String> WITHOUT_CLUSTER =
      Set.of("create", "heal", "seed", "reset", "help", "sweep", "compare");

  @TestFactory
  Stream<DynamicTest> everyDocumentedExampleRuns() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CommandSpec spec : CommandRegistry.standard().all()) {
      for (String example : spec.examples()) {
        tests.add(
            dynamicTest(
                example,
                () -> {
                  Lab lab =
                      Lab.with(
                          1,
                          spec.model() == null || spec.model().equals("leader-follower")
                              ? FOUR_NODES
                              : spec.model().equals("multi-leader")
                                  ? "create multi-leader; type likes counter; type stock pn-counter; type cart set"
                                  : "create " + spec.model() + " nodes=4");
                  if (SETUP.containsKey(example)) {
                    lab.run(SETUP.get(example));
                  }
                  Executed executed = lab.run(example);
                  assertEquals(spec.name(), executed.command());
                  assertFalse(executed.text().isBlank());
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyCommandHasAUsageASummaryAndAnExampleThatStartsWithItsName() {
    for (CommandSpec spec : CommandRegistry.standard().all()) {
      assertTrue(spec.usage().startsWith(spec.name()), spec.name());
      assertFalse(spec.summary().isBlank(), spec.name());
      assertFalse(spec.examples().isEmpty(), spec.name() + " has no example");
      for (String example : spec.examples()) {
        assertTrue(example.equals(spec.name()) || example.startsWith(spec.name() + " "), example);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> commandsThatActOnAClusterAreRejectedBeforeCreate() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CommandSpec spec : CommandRegistry.standard().all()) {
      if (WITHOUT_CLUSTER.contains(spec.name()) || spec.standalone()) {
        continue;
      }
      for (String example : spec.examples()) {
        tests.add(
            dynamicTest(
                example,
                () -> {
                  Executed executed = new Lab(1).reject(example);
                  assertEquals(
                      "there is no cluster yet; start one with 'create leader-follower'",
                      executed.error());
                  assertEquals(1, executed.column());
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void helpSeedResetAndHealWorkWithoutACluster() {
    Lab lab = new Lab(1);
    assertTrue(lab.run("help").text().contains("setquorum"));
    assertTrue(lab.run("help setquorum").text().contains("usage: setquorum"));
    lab.runAll("seed 42", "reset", "heal");
    assertTrue(lab.run("create leader-follower").text().contains("seed 42"));
  }

  /**
   * A bad line, the column the error must point at (1-based, within the command), and words the
   * error sentence must contain. All run against a four-node cluster in regions eu and us.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "wrte x 1                              | 1  | unknown command 'wrte'; did you mean 'write'?",
        "frobnicate                            | 1  | unknown command 'frobnicate'; type 'help'",
        "read x from n9                        | 13 | no node 'n9'; did you mean 'n1'? nodes are n1 n2 n3 n4",
        "crash n7                              | 7  | nodes are n1 n2 n3 n4",
        "write x                               | 9  | write needs a value",
        "write                                 | 7  | write needs a key",
        "read                                  | 6  | read needs a key",
        "crash                                 | 7  | crash needs a node",
        "tick                                  | 6  | tick needs a duration",
        "inspect                               | 9  | inspect needs a key",
        "create                                | 8  | create needs a replication model",
        "tick 5parsecs                         | 6  | unknown unit 'parsecs'",
        "tick abc                              | 6  | 'abc' is not a duration",
        "tick 25h                              | 6  | at most 24h",
        "setquorum 1 timeout=soon              | 21 | 'soon' is not a duration",
        "create leader-follower nodez=3        | 24 | create has no option 'nodez'; did you mean 'nodes='?",
        "link n1 n2 lattency=5ms               | 12 | did you mean 'latency='?",
        "link n1 n2 loss=0.1 loss=0.2          | 21 | option 'loss' is given twice",
        "create leader-follower nodes=3 nodes=4| 32 | option 'nodes' is given twice",
        "link n1 n2 latency=uniform(1ms,5ms    | 27 | '(' is never closed",
        "link n1 n2 latency=uniform(1ms,5ms))  | 36 | ')' has no matching '('",
        "link n1 n2 latency=gauss(1ms)         | 20 | unknown latency distribution 'gauss'",
        "link n1 n2 loss=2                     | 17 | loss must be a probability",
        "link n1 n1 latency=1ms                | 1  | two different nodes",
        "link n1 n2                            | 12 | link needs latency= or loss=",
        "setquorum 4                           | 11 | cannot wait for 4 acknowledgements from 3 followers",
        "setquorum 3 first (n2,n3)             | 11 | cannot wait for 3 acknowledgements from 2 followers",
        "setquorum 0 first                     | 13 | '0 first' waits for nothing",
        "setquorum 0 timeout=1s                | 21 | asynchronous replication waits for no acknowledgement",
        "setquorum x                           | 11 | 'x' is not a number of acknowledgements",
        "setquorum 2 first (n2,n1)             | 23 | n1 is the leader; list followers only",
        "setquorum 2 first (n2,n2)             | 23 | n2 is listed twice",
        "setquorum 2 first (n2,n9)             | 23 | no node 'n9'",
        "setquorum 1 ack=maybe                 | 17 | ack must be 'received' or 'applied'",
        "setquorum 1 timeout=0s                | 21 | timeout must be longer than zero",
        "restart n2                            | 9  | n2 is up, not crashed; only a crashed node can be restarted",
        "resume n2                             | 8  | n2 is up, not paused; only a paused node can be resumed",
        "promote n1                            | 9  | n1 is already the leader; promote a follower",
        "partition                             | 11 | partition needs nodes",
        "partition n1 n2 n3 n4                 | 1  | would cut off nothing",
        "partition n1 n1                       | 14 | n1 is named twice",
        "partition n1 -> n2 -> n3              | 20 | only one '|' or '->'",
        "partition -> n2                       | 11 | nodes must come before '->'",
        "write x 1 via n2 via n3               | 18 | unexpected 'via'",
        "write x 1 as n2                       | 14 | 'n2' is a node, not a client",
        "write x 1 as bob@mars                 | 18 | no region 'mars'; regions are eu us",
        "read x extra                          | 8  | unexpected 'extra'",
        "log n1 last=0                         | 13 | last must be a whole number from 1 to 1000000",
        "create leader-follower nodes=65       | 30 | nodes must be a whole number from 1 to 64",
        "create leader-follower quorum=5       | 31 | a quorum of 5 needs at least 5 followers",
        "create leader-follower ack=applied    | 28 | ack= only matters with a synchronous quorum",
        "create leader-followr                 | 8  | did you mean 'leader-follower'?",
        "create multi-leader nodes=4           | 21 | it takes dcs= and followers=, not nodes=",
        "create multi-leader dcs=eu            | 25 | at least two datacenters",
        "create multi-leader conflicts=lwww    | 31 | did you mean conflicts=lww?",
        "conflicts custom                      | 1  | conflicts is a command of multi-leader clusters",
        "client bob region=mars                | 19 | no region 'mars'",
        "seed abc                              | 6  | 'abc' is not a whole number",
        "help status extra                     | 13 | unexpected 'extra' after help"
      })
  void mistakesAreRejectedWithWhereAndWhy(String line, int column, String expected) {
    Lab lab = Lab.with(1, FOUR_NODES);
    Executed executed = lab.reject(line);
    assertTrue(
        executed.error().contains(expected), () -> "'" + line + "' said: " + executed.error());
    assertEquals(column, executed.column(), () -> "column for '" + line + "': " + executed.text());
    assertTrue(executed.text().startsWith("error at column " + column + ": "), executed.text());
  }

  @Test
  void unclosedQuoteIsRejectedAtTheQuote() {
    Executed executed = Lab.with(1, FOUR_NODES).reject("write x \"unclosed");
    assertEquals("the string that starts here is never closed; add a closing \"", executed.error());
    assertEquals(9, executed.column());
  }

  @Test
  void partitionSeparatorMistakesPointAtTheSeparator() {
    Lab lab = Lab.with(1, FOUR_NODES);
    Executed twoBars = lab.reject("partition n1 | n2 | n3");
    assertTrue(
        twoBars.error().startsWith("only one '|' or '->' may split a partition"), twoBars.error());
    assertEquals(19, twoBars.column());
    Executed leading = lab.reject("partition | n2");
    assertTrue(leading.error().startsWith("nodes must come before '|'"), leading.error());
    assertEquals(11, leading.column());
    Executed trailing = lab.reject("partition n1 |");
    assertTrue(
        trailing.error().startsWith("partition needs nodes after the separator"), trailing.error());
    Executed unknown = lab.reject("partition n1 | n2 n8");
    assertTrue(unknown.error().startsWith("no node 'n8'"), unknown.error());
    assertEquals(19, unknown.column());
  }

  @Test
  void unknownCheckerIsRejectedWithASuggestion() {
    Executed executed = Lab.with(1, FOUR_NODES).reject("check lost-write");
    assertTrue(
        executed.error().contains("no checker 'lost-write'; did you mean 'lost-writes'?"),
        executed.error());
    assertEquals(7, executed.column());
  }

  @Test
  void optionWithoutAValueIsRejected() {
    Executed executed = Lab.with(1, FOUR_NODES).reject("link n1 n2 latency=");
    assertEquals("option 'latency' has no value; write latency=<value>", executed.error());
  }

  @Test
  void stateChecksFollowTheNodesCurrentState() {
    Lab lab = Lab.with(1, FOUR_NODES);
    lab.run("crash n2");
    assertEquals("n2 is already crashed", lab.reject("crash n2").error());
    assertTrue(lab.reject("promote n2").error().contains("n2 is crashed and cannot lead"));
    assertTrue(lab.reject("pause n2").error().contains("cannot be paused"));
    lab.run("pause n3");
    assertTrue(lab.reject("pause n3").error().contains("n3 is paused and cannot be paused"));
    assertTrue(lab.reject("restart n3").error().contains("n3 is paused, not crashed"));
    lab.runAll("restart n2", "resume n3");
  }

  @Test
  void columnsOfACommandLaterOnALineCountFromThatCommand() {
    Session session = new Session(1);
    session.execute(FOUR_NODES);
    List<Executed> executed = session.execute("status;   read x from n9");
    assertTrue(executed.get(0).ok());
    assertFalse(executed.get(1).ok());
    assertEquals("read x from n9", executed.get(1).source());
    assertEquals(13, executed.get(1).column());
  }

  @Test
  void lexerErrorAnywhereOnALineRejectsTheWholeLineWithItsColumn() {
    Session session = new Session(1);
    session.execute(FOUR_NODES);
    List<Executed> executed = session.execute("write x 1; write y \"oops");
    assertEquals(1, executed.size());
    assertFalse(executed.get(0).ok());
    assertEquals(20, executed.get(0).column());
    assertEquals(0, session.cluster().history().size(), "write x 1 did not run");
  }

  @Test
  void rejectedLinesChangeNothing() {
    Lab lab = Lab.with(1, FOUR_NODES);
    lab.runAll(
        "write x 1",
        "write y 2 as alice",
        "crash n3",
        "pause n4",
        "link n1 n2 latency=const(5ms)",
        "setquorum 1 timeout=1s",
        "write x 3",
        "partition n1 -> n2");
    String status = lab.run("status").text();
    String history = lab.run("history").text();
    String log = lab.run("log n1").text();
    String lag = lab.run("lag").text();
    int journal = lab.session().journal().size();
    long now = lab.session().nowUs();

    List<String> bad =
        List.of(
            "wrte x 1",
            "write x",
            "read x from n9",
            "restart n2",
            "resume n2",
            "promote n1",
            "crash n3",
            "pause n4",
            "setquorum 4",
            "setquorum 0 first",
            "setquorum 2 first (n2,n2)",
            "tick 5parsecs",
            "link n1 n2 latency=uniform(1ms,5ms",
            "link n1 n2 loss=0.1 loss=0.2",
            "create leader-follower nodes=0",
            "create leader-follower nodez=3",
            "write x 1 as bob@mars",
            "client alice region=us",
            "partition n1 n1",
            "write z 1; write q \"unclosed",
            "log n1 last=0",
            "inspect",
            "tick 25h");
    for (String line : bad) {
      List<Executed> executed = lab.session().execute(line);
      assertTrue(executed.stream().noneMatch(Executed::ok), () -> "'" + line + "' was accepted");
    }
    assertEquals(journal, lab.session().journal().size(), "nothing was journalled");
    assertEquals(now, lab.session().nowUs(), "time did not move");
    assertEquals(status, lab.run("status").text());
    assertEquals(history, lab.run("history").text());
    assertEquals(log, lab.run("log n1").text());
    assertEquals(lag, lab.run("lag").text());
  }

  @Test
  void commentsAndQuotedValuesAreUnderstood() {
    Lab lab = Lab.with(1, FOUR_NODES);
    Result.WriteDone write = lab.write("write cart \"2 apples; 1 pear\" # a comment; crash n1");
    assertEquals("2 apples; 1 pear", write.value());
    assertEquals("up", lab.node("n1").state(), "the comment did not run");
    assertEquals("2 apples; 1 pear", lab.read("read 'cart'").value());
  }
}
