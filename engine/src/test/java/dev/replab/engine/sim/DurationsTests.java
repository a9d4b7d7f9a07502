package dev.replab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTests {

  @ParameterizedTest
  @CsvSource({
    "500us, 500",
    "20ms, 20000",
    "2s, 2000000",
    "1m, 60000000",
    "1.5s, 1500000",
    "0.25ms, 250",
    "2min, 120000000",
    "1h, 3600000000",
    "0s, 0"
  })
  void parsesEveryUnit(String text, long expectedUs) {
    assertEquals(expectedUs, Durations.parseUs(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ms", "20", "-1s", "abc", "5parsecs", "1..2s", "2 s"})
  void rejectsWhatIsNotADurationWithASentence(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parseUs(text));
    assertTrue(
        e.getMessage().contains("'" + text + "'"),
        () -> "the message names the bad text: " + e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "350, 350us",
    "1500, 1.5ms",
    "12500, 12.5ms",
    "250000, 250ms",
    "3200000, 3.2s",
    "600000000, 10m"
  })
  void formatsForPeople(long us, String expected) {
    assertEquals(expected, Durations.format(us));
  }

  @ParameterizedTest
  @ValueSource(strings = {"500us", "1.5ms", "20ms", "2s", "10m"})
  void formattedDurationsParseBack(String text) {
    long us = Durations.parseUs(text);
    assertEquals(us, Durations.parseUs(Durations.format(us)));
  }
}
