package dev.replab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliOptionsTests {

  private static CliOptions parse(String... args) throws CliOptions.UsageError {
    return CliOptions.parse(List.of(args));
  }

  private static String rejection(String... args) {
    return assertThrows(CliOptions.UsageError.class, () -> parse(args)).getMessage();
  }

  @Test
  void noArgumentsReadsInputWithTheDefaultSeedAndText() throws Exception {
    CliOptions options = parse();
    assertEquals(CliOptions.Mode.INPUT, options.mode());
    assertEquals(Session.DEFAULT_SEED, options.seed());
    assertFalse(options.json());
    assertNull(options.script());
  }

  @Test
  void eachDashCIsOneLineOfCommands() throws Exception {
    CliOptions options = parse("-c", "create leader-follower; write x 1", "-c", "status");
    assertEquals(CliOptions.Mode.COMMANDS, options.mode());
    assertEquals(List.of("create leader-follower; write x 1", "status"), options.commands());
  }

  @Test
  void runTakesAFileAndOptionsMayComeAfterIt() throws Exception {
    CliOptions options = parse("run", "demo.replab", "--json", "--seed", "42");
    assertEquals(CliOptions.Mode.RUN, options.mode());
    assertEquals(Path.of("demo.replab"), options.script());
    assertTrue(options.json());
    assertEquals(42, options.seed());
  }

  @Test
  void optionValuesMayBeJoinedWithAnEqualsSign() throws Exception {
    CliOptions options = parse("--seed=-7", "-c=status");
    assertEquals(-7, options.seed());
    assertEquals(List.of("status"), options.commands());
  }

  @Test
  void helpWinsOverEverythingElse() throws Exception {
    assertEquals(CliOptions.Mode.HELP, parse("-c", "status", "--help").mode());
    assertEquals(CliOptions.Mode.HELP, parse("-h").mode());
    assertEquals(CliOptions.Mode.HELP, parse("help").mode());
  }

  @Test
  void aDoubleDashEndsOptionsSoAFileMayStartWithADash() throws Exception {
    assertEquals(Path.of("-odd.replab"), parse("run", "--", "-odd.replab").script());
  }

  @Test
  void benchHandsEverythingAfterItToTheBenchmark() throws Exception {
    CliOptions options = parse("bench", "--runs", "3", "--help");
    assertEquals(CliOptions.Mode.BENCH, options.mode());
    assertEquals(List.of("--runs", "3", "--help"), options.passOn());
  }

  @Test
  void anUnknownOptionIsNamedWithTheClosestKnownOne() {
    assertEquals("unknown option '--jsno'; did you mean '--json'?", rejection("--jsno"));
    assertEquals("unknown option '--colour'", rejection("--colour"));
  }

  @Test
  void theSeedMustBeAWholeNumber() {
    assertEquals("--seed needs a whole number, not 'abc'", rejection("--seed", "abc"));
    assertTrue(rejection("--seed").startsWith("option --seed needs a whole number"));
  }

  @Test
  void aFlagTakesNoValue() {
    assertEquals("option --json takes no value", rejection("--json=yes"));
  }

  @Test
  void dashCNeedsItsCommands() {
    assertTrue(rejection("-c").startsWith("option -c needs commands"));
  }

  @Test
  void runNeedsExactlyOneFile() {
    assertTrue(rejection("run").startsWith("run needs a file of commands"));
    assertEquals("unexpected argument 'b.replab'", rejection("run", "a.replab", "b.replab"));
  }

  @Test
  void dashCAndRunCannotBeCombined() {
    assertEquals(
        "give either -c or run <file>, not both", rejection("-c", "status", "run", "a.replab"));
  }

  @Test
  void anUnknownSubcommandSaysWhichOnesExist() {
    String sentence = rejection("runn");
    assertTrue(sentence.startsWith("unknown subcommand 'runn'; did you mean 'run'?"), sentence);
    assertTrue(sentence.contains("the subcommands are run, bench, help"), sentence);
  }

  @Test
  void wordsAfterDashCAreNotTakenForCommands() {
    assertEquals(
        "unexpected argument 'status'; put all commands inside the -c string",
        rejection("-c", "create leader-follower", "status"));
  }

  @Test
  void usageNamesEveryModeAndOption() {
    for (String part :
        List.of(
            "-c", "run <file>", "--json", "--seed", "--help", ":save", ":open", ":json", ":quit")) {
      assertTrue(CliOptions.USAGE.contains(part), part);
    }
  }
}
