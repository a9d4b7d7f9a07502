package dev.replab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LatencyParserTests {

  static Stream<Arguments> documentedForms() {
    return Stream.of(
        Arguments.of("80ms", new Latency.Constant(80_000)),
        Arguments.of("const(80ms)", new Latency.Constant(80_000)),
        Arguments.of("constant(500us)", new Latency.Constant(500)),
        Arguments.of("uniform(1ms,5ms)", new Latency.Uniform(1_000, 5_000)),
        Arguments.of("uniform(1ms, 5ms)", new Latency.Uniform(1_000, 5_000)),
        Arguments.of("uniform(2ms,2ms)", new Latency.Uniform(2_000, 2_000)),
        Arguments.of("exp(2ms)", new Latency.Exponential(2_000)),
        Arguments.of("exponential(1s)", new Latency.Exponential(1_000_000)),
        Arguments.of("pareto(1ms,2.5)", new Latency.Pareto(1_000, 2.5)),
        Arguments.of("lognormal(5ms,0.5)", new Latency.LogNormal(5_000, 0.5)),
        Arguments.of(
            "mix(0.9:const(1ms),0.1:exp(50ms))",
            new Latency.Mixture(
                List.of(0.9, 0.1),
                List.of(new Latency.Constant(1_000), new Latency.Exponential(50_000)))),
        Arguments.of(
            "mix(1:uniform(1ms,2ms), 1:mix(1:10ms,1:20ms))",
            new Latency.Mixture(
                List.of(1.0, 1.0),
                List.of(
                    new Latency.Uniform(1_000, 2_000),
                    new Latency.Mixture(
                        List.of(1.0, 1.0),
                        List.of(new Latency.Constant(10_000), new Latency.Constant(20_000)))))));
  }

  @ParameterizedTest
  @MethodSource("documentedForms")
  void acceptsTheDocumentedForms(String text, Latency expected) {
    assertEquals(expected, LatencyParser.parse(text));
  }

  /**
   * Each bad spec and a word its error message must contain, so the learner sees what was wrong.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "foo(1ms)            | unknown latency distribution 'foo'",
        "uniform(5ms,1ms)    | low bound first",
        "uniform(1ms)        | takes 2 arguments",
        "const(1ms,2ms)      | takes 1 argument",
        "exp()               | takes 1 argument",
        "exp(2ms             | missing a closing ')'",
        "pareto(1ms,-1)      | shape",
        "pareto(1ms,abc)     | shape",
        "lognormal(5ms,0)    | sigma",
        "mix()               | weighted parts",
        "mix(const(1ms))     | needs a weight",
        "mix(-1:const(1ms))  | weight",
        "abc                 | not a duration",
        "5                   | not a duration",
        "exp(5parsecs)       | unknown unit"
      })
  void rejectsBadSpecsWithASentenceSayingWhatIsWrong(String text, String expectedPart) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LatencyParser.parse(text));
    assertTrue(
        e.getMessage().contains(expectedPart), () -> "'" + text + "' gave: " + e.getMessage());
    assertTrue(
        e.getMessage().length() > expectedPart.length() + 5,
        "a sentence, not a code: " + e.getMessage());
  }
}
