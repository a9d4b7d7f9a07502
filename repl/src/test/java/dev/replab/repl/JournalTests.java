package dev.replab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTests {
  @TempDir Path directory;

  private List<String> commandsIn(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.subList(1, lines.size());
  }

  @Test
  void eachAcceptedCommandIsOnDiskBeforeTheNextLineIsRead() throws IOException {
    Path file = directory.resolve("last-session.replab");
    Transcript transcript = new Transcript(3, Journal.start(file, 3), false);
    assertEquals(List.of("seed 3"), commandsIn(file));
    transcript.type("create leader-follower nodes=3");
    // Read while the journal is still open: the line must already have been flushed.
    assertEquals(List.of("seed 3", "create leader-follower nodes=3"), commandsIn(file));
    transcript.type("write x 1; tick 10ms");
    assertEquals(
        List.of("seed 3", "create leader-follower nodes=3", "write x 1", "tick 10ms"),
        commandsIn(file));
  }

  @Test
  void rejectedCommandsAndShellCommandsAreNotJournalled() throws IOException {
    Path file = directory.resolve("last-session.replab");
    new Transcript(1, Journal.start(file, 1), false)
        .type(
            "wrte x 1",
            "create leader-follower",
            "read x from n9; write x 1",
            ":json off",
            ":help");
    assertEquals(List.of("seed 1", "create leader-follower", "write x 1"), commandsIn(file));
  }

  @Test
  void startingAJournalReplacesTheLastSession() throws IOException {
    Path file = directory.resolve("last-session.replab");
    new Transcript(1, Journal.start(file, 1), false).type("create leader-follower");
    new Transcript(1, Journal.start(file, 1), false).type("create leader-follower nodes=5");
    assertEquals(List.of("seed 1", "create leader-follower nodes=5"), commandsIn(file));
  }

  @Test
  void theSessionBeforeIsKeptWhenANewOneStarts() throws IOException {
    Path file = directory.resolve("last-session.replab");
    Path previous = directory.resolve("previous-session.replab");
    new Transcript(1, Journal.start(file, previous, 1), false)
        .type("create leader-follower nodes=4");
    new Transcript(1, Journal.start(file, previous, 1), false)
        .type("create leader-follower nodes=5");
    assertEquals(List.of("seed 1", "create leader-follower nodes=4"), commandsIn(previous));
    assertEquals(List.of("seed 1", "create leader-follower nodes=5"), commandsIn(file));
  }

  @Test
  void aKilledSessionIsRebuiltByRunningItsJournal() throws IOException {
    Path file = directory.resolve("last-session.replab");
    Transcript killed =
        new Transcript(5, Journal.start(file, 5), false)
            .type(
                "create leader-follower nodes=3",
                "write x 1",
                "partition n1 | n2 n3",
                "write x 2",
                "tick 50ms");
    // No close: a killed process never gets to close its files.
    Transcript replay = new Transcript();
    assertEquals(0, ScriptRunner.run(file, SessionFile.read(file), replay.repl), replay.err());
    assertEquals(killed.clear().type("status").out(), replay.clear().type("status").out());
  }

  @Test
  void openingAFileRewritesTheJournalToMatchTheNewSession() throws IOException {
    Path saved = directory.resolve("saved.replab");
    new Transcript().type("create leader-follower nodes=4", "write k v", ":save " + saved);
    Path file = directory.resolve("last-session.replab");
    Transcript transcript =
        new Transcript(1, Journal.start(file, 1), false)
            .type("create leader-follower", "write a b", ":open " + saved, "read k");
    assertEquals(
        List.of("seed 1", "seed 1", "create leader-follower nodes=4", "write k v", "read k"),
        commandsIn(file));
    assertTrue(transcript.err().isEmpty(), transcript.err());
  }
}
