package dev.replab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replab.repl.LineStyle.Kind;
import dev.replab.repl.LineStyle.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineStyleTests {
  private final LineStyle style =
      new LineStyle(List.of("write", "read", "status"), List.of(":save", ":quit"));

  @Test
  void aKnownCommandWordIsMarked() {
    assertEquals(List.of(new Span(0, 5, Kind.COMMAND)), style.spans("write x 1"));
  }

  @Test
  void aWordNoCommandStartsWithIsUnknown() {
    assertEquals(List.of(new Span(0, 4, Kind.UNKNOWN)), style.spans("wrte x 1"));
  }

  @Test
  void aWordStillBeingTypedIsLeftAlone() {
    assertEquals(List.of(), style.spans("wri"));
    assertEquals(List.of(), style.spans(":sa"));
  }

  @Test
  void everyCommandOnTheLineIsMarkedButNotItsArguments() {
    assertEquals(
        List.of(
            new Span(0, 5, Kind.COMMAND),
            new Span(14, 18, Kind.COMMAND),
            new Span(25, 28, Kind.UNKNOWN)),
        style.spans("write read 1; read write;zzz"));
  }

  @Test
  void shellCommandsOwnTheirWholeLine() {
    assertEquals(List.of(new Span(0, 5, Kind.META)), style.spans(":save a;b #c.replab"));
    assertEquals(List.of(new Span(0, 4, Kind.UNKNOWN)), style.spans(":zzz"));
  }

  @Test
  void aCommentRunsToTheEndOfTheLineButNotInsideQuotes() {
    assertEquals(
        List.of(new Span(0, 5, Kind.COMMAND), new Span(18, 24, Kind.COMMENT)),
        style.spans("write k \"#1; x\" 2 # note"));
  }
}
