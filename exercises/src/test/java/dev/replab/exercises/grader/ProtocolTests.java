package dev.replab.exercises.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolTests {
  @Test
  void fieldsWithSpacesNewlinesAndAnyTextSurviveTheRoundTrip() {
    String line =
        Protocol.encode(
            "n0nce",
            Protocol.END,
            "[engine:junit-jupiter]/[method:a()]",
            "FAILED",
            "12",
            "expected Ignore, got Append(from 11)",
            "line one\nline two \u00e9 \ud83d\ude00");
    Protocol.Message message = Protocol.decode("n0nce", line);

    assertEquals(Protocol.END, message.kind());
    assertEquals(
        List.of(
            "[engine:junit-jupiter]/[method:a()]",
            "FAILED",
            "12",
            "expected Ignore, got Append(from 11)",
            "line one\nline two \u00e9 \ud83d\ude00"),
        message.fields());
  }

  @Test
  void linesWithoutTheNonceAreNotMessages() {
    assertNull(Protocol.decode("n0nce", "deciding 5 7 2"));
    assertNull(Protocol.decode("n0nce", Protocol.encode("guess", Protocol.DONE)));
    assertNull(Protocol.decode("n0nce", "n0nce END not-base64!"));
    assertNull(Protocol.decode("n0nce", ""));
  }
}
