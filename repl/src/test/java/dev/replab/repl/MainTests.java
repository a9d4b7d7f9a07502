package dev.replab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: arguments and standard input in, output and exit status out. */
class MainTests {
  @TempDir Path directory;

  /** What one run of replab printed and how it ended. */
  private record Run(int status, String out, String err) {}

  private Run piped(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayInputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int status = Main.run(args, in, out, err, new ReplabHome(directory.resolve("home")), false);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Run replab(String... args) {
    return piped("", args);
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    Run run = replab("--help");
    assertEquals(Main.EXIT_OK, run.status());
    assertTrue(run.out().startsWith("replab: a replication lab"), run.out());
  }

  @Test
  void anUnknownFlagIsOneSentenceOnStandardErrorAndExitTwo() {
    Run run = replab("--jsno", "-c", "status");
    assertEquals(Main.EXIT_USAGE, run.status());
    assertEquals("", run.out());
    assertEquals(
        "replab: unknown option '--jsno'; did you mean '--json'? See 'replab --help'.\n",
        run.err());
  }

  @Test
  void commandsRunInOrderAndSucceedWhenAllAreAccepted() {
    Run run = replab("-c", "create leader-follower nodes=3; write x 1; read x from n2");
    assertEquals(Main.EXIT_OK, run.status(), run.err());
    assertTrue(run.out().contains("created a leader-follower cluster of 3 nodes"), run.out());
    assertTrue(run.out().contains("STALE"), "n2 has not caught up yet: " + run.out());
    assertEquals("", run.err());
  }

  @Test
  void aRejectedCommandExitsOneAndSaysWhereInTheLine() {
    Run run = replab("-c", "create leader-follower; read x from n9");
    assertEquals(Main.EXIT_REJECTED, run.status());
    int column = "create leader-follower; read x from n9".indexOf("n9") + 1;
    assertTrue(run.err().startsWith("error at column " + column + ": no node 'n9'"), run.err());
  }

  @Test
  void theSeedReachesTheSession() {
    assertTrue(replab("--seed", "42", "-c", "create leader-follower").out().contains("(seed 42)"));
  }

  @Test
  void runEchoesEachCommandSkipsCommentsAndNamesTheLineOfAMistake() throws IOException {
    Path script = directory.resolve("demo.replab");
    Files.writeString(
        script,
        "# a demo\ncreate leader-follower nodes=3\n\nwrite x 1   # acked by the leader\nread x from n7\n");
    Run run = replab("run", script.toString());
    assertEquals(Main.EXIT_REJECTED, run.status());
    assertTrue(
        run.out().startsWith("> create leader-follower nodes=3\ncreated a leader-follower cluster"),
        run.out());
    assertTrue(run.out().contains("> write x 1   # acked by the leader\nwrite x=1"), run.out());
    assertFalse(run.out().contains("a demo"), "comment lines are not echoed");
    assertTrue(run.err().startsWith(script + ":5:13: error: no node 'n7'"), run.err());
  }

  @Test
  void aScriptThatCannotBeReadExitsTwo() {
    Run run = replab("run", directory.resolve("missing.replab").toString());
    assertEquals(Main.EXIT_USAGE, run.status());
    assertTrue(run.err().contains("no such file or directory"), run.err());
  }

  @Test
  void pipedInputRunsLineByLineInPlainText() {
    Run run = piped("create leader-follower nodes=3\nwrite x 1\n\n# nothing\nread x from n2\n");
    assertEquals(Main.EXIT_OK, run.status(), run.err());
    assertTrue(run.out().contains("read x from n2"), run.out());
    assertFalse(run.out().contains("\u001b["), "no colour or cursor movement in piped output");
    assertFalse(run.out().contains("replab["), "no prompt in piped output");
  }

  @Test
  void pipedInputExitsOneWhenALineWasRejectedAndNamesTheLine() {
    Run run = piped("create leader-follower\nwrte x 1\nstatus\n");
    assertEquals(Main.EXIT_REJECTED, run.status());
    assertTrue(
        run.err().startsWith("stdin:2:1: error: unknown command 'wrte'; did you mean 'write'?"),
        run.err());
    assertTrue(run.out().contains("n3"), "the line after the mistake still ran: " + run.out());
  }

  @Test
  void pipedInputStopsAtQuit() {
    Run run = piped("create leader-follower\n:quit\nwrte x 1\n");
    assertEquals(Main.EXIT_OK, run.status(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void shellCommandsRunAfterASemicolonInCommandLineCommands() {
    Run run = replab("-c", "create leader-follower; :java 6*7");
    assertEquals(Main.EXIT_OK, run.status(), run.err());
    assertTrue(run.out().contains("created a leader-follower cluster"), run.out());
    assertTrue(run.out().strip().endsWith("42"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void javaTakesTheRestOfTheLineSemicolonsIncluded() {
    Run run = replab("-c", "create leader-follower; :java int a = 6; a * 7");
    assertEquals(Main.EXIT_OK, run.status(), run.err());
    assertTrue(run.out().strip().endsWith("42"), run.out());
  }

  @Test
  void jsonCanBeSwitchedOnInTheMiddleOfALine() {
    Run run = replab("-c", "create leader-follower; :json on; write x 1; :json off; status");
    assertEquals(Main.EXIT_OK, run.status(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertTrue(lines[0].startsWith("created a leader-follower cluster"), run.out());
    assertTrue(run.out().contains("{\"command\":\"write\",\"ok\":true"), run.out());
    assertTrue(run.out().contains("leader n1"), "status printed as text again: " + run.out());
  }

  @Test
  void shellCommandsWorkInScriptsAndPipes() throws IOException {
    Path script = directory.resolve("java.replab");
    Files.writeString(script, "create leader-follower; :java 6*7\n:java cluster.nodes().size()\n");
    Run run = replab("run", script.toString());
    assertEquals(Main.EXIT_OK, run.status(), run.err());
    assertTrue(run.out().contains("42"), run.out());
    assertTrue(run.out().contains("\n3\n"), run.out());
    Run piped = piped("create leader-follower; :java 6*7\nstatus # not :java\n");
    assertEquals(Main.EXIT_OK, piped.status(), piped.err());
    assertTrue(piped.out().contains("42"), piped.out());
  }

  @Test
  void anUnknownShellCommandAfterASemicolonIsRejectedWithItsColumn() {
    Run run = replab("-c", "create leader-follower; :jav 1");
    assertEquals(Main.EXIT_REJECTED, run.status());
    assertTrue(
        run.err().contains("unknown shell command ':jav'; did you mean ':java'?"), run.err());
  }

  @Test
  void jsonModePrintsOnlyJsonOnStandardOutput() {
    Run run = replab("--json", "-c", "create leader-follower; write x 1; read x from n9");
    assertEquals(Main.EXIT_REJECTED, run.status());
    String[] lines = run.out().strip().split("\n");
    assertEquals(3, lines.length, run.out());
    for (String line : lines) {
      assertTrue(line.startsWith("{\"command\":") && line.endsWith("}"), line);
    }
    assertTrue(lines[2].contains("\"ok\":false"), lines[2]);
    assertEquals("", run.err());
  }

  @Test
  void scriptsAndPipesLeaveNoJournalBehind() {
    piped("create leader-follower\n");
    replab("-c", "create leader-follower");
    assertFalse(
        Files.exists(directory.resolve("home")), "only the interactive shell keeps a journal");
  }
}
