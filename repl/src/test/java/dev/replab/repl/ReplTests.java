package dev.replab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplTests {

  @Test
  void quitStopsTheLoopAndNothingElseDoes() {
    Transcript transcript = new Transcript();
    assertTrue(transcript.repl.handle("wrte x 1"));
    assertTrue(transcript.repl.handle(":nonsense"));
    assertTrue(transcript.repl.handle("'unclosed"));
    assertFalse(transcript.repl.handle(":quit"));
  }

  @Test
  void blankAndCommentLinesDoNothing() {
    Transcript transcript = new Transcript().type("", "   ", "# just a note");
    assertEquals("", transcript.out());
    assertEquals("", transcript.err());
    assertEquals(0, transcript.repl.failures());
  }

  @Test
  void everyRejectionIsCounted() {
    Transcript transcript =
        new Transcript()
            .type("create leader-follower", "wrte x 1", "read x from n9; read x from n8", ":bogus");
    assertEquals(4, transcript.repl.failures());
  }

  @Test
  void aRejectionPointsAtTheColumnWithinTheWholeLine() {
    Transcript transcript =
        new Transcript().type("create leader-follower").clear().type("  write x 1; crash n9");
    int column = "  write x 1; crash n9".indexOf("n9") + 1;
    assertTrue(
        transcript.err().startsWith("error at column " + column + ": no node 'n9'"),
        transcript.err());
  }

  @Test
  void anUnknownShellCommandSuggestsTheClosestOne() {
    Transcript transcript = new Transcript().type(":qit");
    assertEquals(
        "error at column 1: unknown shell command ':qit'; did you mean ':quit'? type ':help' for the shell's commands\n",
        transcript.err());
  }

  @Test
  void jsonTakesOnlyOnOrOffAndPointsAtTheWrongWord() {
    Transcript transcript = new Transcript().type(":json maybe");
    assertEquals("error at column 7: ':json' takes 'on' or 'off', not 'maybe'\n", transcript.err());
  }

  @Test
  void shellHelpListsEveryShellCommand() {
    Transcript transcript = new Transcript().type(":help");
    for (String name : transcript.repl.metaCommands().names()) {
      assertTrue(transcript.out().contains(name), name);
    }
  }

  @Test
  void completionOffersShellCommandsAfterAColonAndEngineWordsOtherwise() {
    Transcript transcript = new Transcript().type("create leader-follower nodes=3");
    Repl repl = transcript.repl;
    assertEquals(List.of(":save"), repl.complete(":sa", 3));
    assertEquals(List.of("on", "off"), repl.complete(":json ", 6));
    assertEquals(List.of("write"), repl.complete("wri", 3));
    assertEquals(List.of("n1", "n2", "n3"), repl.complete("read x from ", 12));
  }

  @Test
  void aPathMayUseTheHomeDirectoryAndQuotes() {
    String home = System.getProperty("user.home");
    assertEquals(java.nio.file.Path.of(home, "a.replab"), SessionFile.pathOf("~/a.replab"));
    assertEquals(
        java.nio.file.Path.of("my session.replab"), SessionFile.pathOf("\"my session.replab\""));
  }

  @Test
  void shellHelpPointsAtTheApiJavadoc() {
    Transcript transcript = new Transcript().type(":help");
    assertTrue(
        transcript.out().contains("The plug-in API (dev.replab.engine.api) is documented in "),
        transcript.out());
    assertTrue(
        transcript.out().contains("engine/target/reports/apidocs/index.html"), transcript.out());
  }
}
