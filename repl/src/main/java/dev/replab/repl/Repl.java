package dev.replab.repl;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The read-evaluate-print step shared by the shell, pipes, scripts and {@code -c}: takes one line
 * as a plain string, runs it (an engine command or a {@code :} shell command), prints the outcome
 * and keeps the journal in step. It knows nothing of terminals, so it is tested with strings.
 */
final class Repl {
  private final long seed;
  private final TextPrinter text;
  private final Supplier<Printer> jsonFactory;
  private final Journal journal;
  private final MetaCommands metaCommands = MetaCommands.standard();
  private Session session;
  private Printer json;
  private boolean jsonOn;
  private boolean quitRequested;
  private int failures;
  private int journalled;
  private final java.util.function.Supplier<dev.replab.repl.notebook.Progress> progressSource;
  private dev.replab.repl.notebook.NotebookPlayer player;
  private dev.replab.lessons.java.JavaConsole javaConsole;
  private StringBuilder javaBlock;
  private volatile boolean evaluatingJava;

  /**
   * @param seed the seed each new session starts from
   * @param text the human printer (also used for warnings)
   * @param jsonFactory makes the JSON printer the first time JSON is asked for
   * @param journal where accepted commands are appended as they run
   * @param jsonOn start in JSON mode
   */
  Repl(
      long seed, TextPrinter text, Supplier<Printer> jsonFactory, Journal journal, boolean jsonOn) {
    this(
        seed,
        text,
        jsonFactory,
        journal,
        jsonOn,
        () -> dev.replab.repl.notebook.Progress.load(null));
  }

  /** As above, with where lesson progress is kept between sessions. */
  Repl(
      long seed,
      TextPrinter text,
      Supplier<Printer> jsonFactory,
      Journal journal,
      boolean jsonOn,
      Supplier<dev.replab.repl.notebook.Progress> progressSource) {
    this.progressSource = progressSource;
    this.seed = seed;
    this.text = text;
    this.jsonFactory = jsonFactory;
    this.journal = journal;
    this.jsonOn = jsonOn;
    this.session = new Session(seed);
  }

  /** The session commands currently run against; {@code :open} replaces it. */
  Session session() {
    return session;
  }

  MetaCommands metaCommands() {
    return metaCommands;
  }

  /**
   * What could come next at {@code cursor}: shell command names after a leading {@code :},
   * otherwise whatever the engine offers (commands, options, nodes, keys, clients).
   */
  List<String> complete(String line, int cursor) {
    String before = line.substring(0, Math.min(cursor, line.length())).stripLeading();
    int java = before.startsWith(":java ") ? line.indexOf(":java ") + ":java ".length() : -1;
    if (java >= 0) {
      return completeJava(line, java, Math.min(cursor, line.length()));
    }
    if (!before.startsWith(":")) {
      return session.complete(line, cursor);
    }
    List<String> matches = new ArrayList<>();
    String[] words = before.split("\\s+", -1);
    if (words.length == 1) {
      for (String name : metaCommands.names()) {
        if (name.startsWith(words[0])) {
          matches.add(name);
        }
      }
    } else if (words.length == 2 && words[0].equals(":json")) {
      for (String value : List.of("on", "off")) {
        if (value.startsWith(words[1])) {
          matches.add(value);
        }
      }
    }
    return matches;
  }

  /**
   * Tab inside {@code :java}: JShell's suggestions for the snippet, each written as the whole word
   * the shell's line reader is completing (from the last blank, {@code ;} or {@code |}).
   */
  private List<String> completeJava(String line, int snippetStart, int cursor) {
    if (javaConsole == null) {
      javaConsole = new dev.replab.lessons.java.JavaConsole();
    }
    int wordStart = cursor;
    while (wordStart > snippetStart
        && !Character.isWhitespace(line.charAt(wordStart - 1))
        && line.charAt(wordStart - 1) != ';'
        && line.charAt(wordStart - 1) != '|') {
      wordStart--;
    }
    String snippet = line.substring(snippetStart, cursor);
    List<String> words = new ArrayList<>();
    for (String completed : javaConsole.complete(snippet, snippet.length(), session)) {
      int cut = wordStart - snippetStart;
      if (completed.length() >= cut) {
        words.add(completed.substring(cut));
      }
    }
    return words;
  }

  /** How many commands (engine or shell) have been rejected so far. */
  int failures() {
    return failures;
  }

  /** Runs a typed or given line. Returns false once the user has asked to quit. */
  boolean handle(String line) {
    return handle(line, null);
  }

  /**
   * Runs a line read from {@code origin} (e.g. {@code demo.replab:3}). Returns false after {@code
   * :quit}.
   */
  boolean handle(String line, String origin) {
    String stripped = line.strip();
    if (javaBlock != null) {
      collectJava(line, stripped, origin);
      return !quitRequested;
    }
    if (!SessionFile.isBlank(stripped)) {
      Input input = new Input(line, line.indexOf(stripped), origin);
      for (Part part : parts(line)) {
        if (quitRequested) {
          break;
        }
        if (part.meta()) {
          runMeta(part.text(), part.lead(), input);
        } else {
          runCommands(part.text(), part.lead(), input);
        }
      }
      printer().flush();
    }
    return !quitRequested;
  }

  /**
   * A stretch of a line: engine commands, or one shell command; {@code lead} is where it starts.
   */
  private record Part(String text, int lead, boolean meta) {}

  /**
   * Splits a line where a shell command starts after a {@code ;}, so that {@code create
   * leader-follower; :java 6*7} runs the engine command and then the snippet, in a script or {@code
   * -c} as at the prompt. {@code :java} takes the rest of the line (Java has semicolons of its
   * own); another shell command ends at the next {@code ;}. Quoted text is never split.
   */
  private static List<Part> parts(String line) {
    List<Part> parts = new ArrayList<>();
    int start = 0;
    int engineStart = -1;
    boolean quoted = false;
    for (int i = 0; i <= line.length(); i++) {
      char c = i < line.length() ? line.charAt(i) : ';';
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        // The rest of the line is a comment, whatever it holds.
        i = line.length() - 1;
        continue;
      }
      if (c != ';' || quoted && i < line.length()) {
        continue;
      }
      String segment = line.substring(start, i);
      String text = segment.strip();
      if (text.startsWith(":")) {
        if (engineStart >= 0) {
          addEngine(parts, line, engineStart, start - 1);
          engineStart = -1;
        }
        int lead = start + segment.indexOf(text);
        if (text.startsWith(":java")) {
          parts.add(new Part(line.substring(lead).strip(), lead, true));
          return parts;
        }
        parts.add(new Part(text, lead, true));
      } else if (!text.isEmpty() && engineStart < 0) {
        engineStart = start;
      }
      start = i + 1;
    }
    if (engineStart >= 0) {
      addEngine(parts, line, engineStart, line.length());
    }
    return parts;
  }

  private static void addEngine(List<Part> parts, String line, int from, int to) {
    String raw = line.substring(from, Math.min(to, line.length()));
    String text = raw.strip();
    if (!SessionFile.isBlank(text)) {
      parts.add(new Part(text, from + raw.indexOf(text), false));
    }
  }

  /** Shows a script's line before it runs. */
  void echo(String line) {
    printer().echo(line.strip());
  }

  private void runCommands(String stripped, int lead, Input input) {
    List<Executed> results;
    try {
      results = session.execute(stripped);
    } catch (RuntimeException e) {
      // The engine turns every bad input into a rejection, so an exception here is a bug in replab.
      // Reporting it with the seed and going on keeps the learner's session (and journal) alive.
      failures++;
      printer()
          .meta(
              MetaOutcome.failed(
                  firstWord(stripped), internalError(e, "running '" + stripped + "'"), 0),
              session.nowUs(),
              input);
      return;
    }
    int searchFrom = 0;
    for (Executed executed : results) {
      int at = stripped.indexOf(executed.source(), searchFrom);
      if (at < 0) {
        at = 0;
      } else {
        searchFrom = at + executed.source().length();
      }
      if (!executed.ok()) {
        failures++;
      }
      printer().executed(executed, input.at(lead + at));
    }
    syncJournal();
  }

  /**
   * One sentence with what a bug report needs: what ran, the seed, the exception and where it was
   * thrown.
   */
  private String internalError(RuntimeException e, String doing) {
    StackTraceElement[] trace = e.getStackTrace();
    String where = trace.length > 0 ? " at " + trace[0] : "";
    String before =
        journal.file() != null ? "; the commands before it are in " + journal.file() : "";
    return "internal error (a bug in replab) while "
        + doing
        + " with seed "
        + session.seed()
        + ": "
        + e
        + where
        + before;
  }

  private void runMeta(String stripped, int lead, Input input) {
    MetaOutcome outcome = metaCommands.run(this, stripped, lead);
    if (!outcome.ok()) {
      failures++;
    }
    printer().meta(outcome, session.nowUs(), input);
  }

  private Printer printer() {
    if (!jsonOn) {
      return text;
    }
    if (json == null) {
      json = jsonFactory.get();
    }
    return json;
  }

  /** Appends to the journal whatever the session accepted since the last call. */
  private void syncJournal() {
    List<String> accepted = session.journal();
    try {
      while (journalled < accepted.size()) {
        journal.append(accepted.get(journalled));
        journalled++;
      }
    } catch (IOException e) {
      text.warn(
          "could not append to the journal "
              + journal.file()
              + " ("
              + e.getMessage()
              + "); this session will not be replayable from it");
      journalled = accepted.size();
    }
  }

  // ------------------------------------------------------------------ Ctrl-C

  /** Ctrl-C while something runs: stops a Java snippet, or the simulation between two events. */
  void interrupt() {
    if (evaluatingJava && javaConsole != null) {
      javaConsole.stop();
    } else {
      session.interrupt();
    }
  }

  /**
   * Lets the shell animate {@code watch} in place; the session is replaced by lessons and :open.
   */
  void useFrameSink(dev.replab.engine.FrameSink sink) {
    this.frameSink = sink;
    session.setFrameSink(sink);
  }

  private dev.replab.engine.FrameSink frameSink;

  private void adopt(Session fresh, long freshSeed) {
    session = fresh;
    session.setFrameSink(frameSink);
    journalled = 0;
    try {
      journal.restart(freshSeed, List.of());
    } catch (IOException e) {
      text.warn("could not restart the journal " + journal.file() + " (" + e.getMessage() + ")");
    }
  }

  /** A prompt tag for the open lesson, like "03 4/12", or "". */
  String lessonPosition() {
    return player == null ? "" : player.position();
  }

  // ------------------------------------------------------------------ lessons

  private dev.replab.repl.notebook.NotebookPlayer player() {
    if (player == null) {
      player =
          new dev.replab.repl.notebook.NotebookPlayer(
              progressSource.get(), (snippet, live) -> evalJava(snippet, live));
    }
    return player;
  }

  private MetaOutcome step(String command, dev.replab.repl.notebook.NotebookPlayer.Step step) {
    if (step.session() != null) {
      adopt(step.session(), step.session().seed());
    }
    syncJournal();
    return MetaOutcome.done(command, step.text());
  }

  MetaOutcome lessons() {
    return step(":lessons", player().list());
  }

  MetaOutcome lesson(MetaCommands.Argument argument) {
    if (argument.isEmpty()) {
      return MetaOutcome.failed(
          ":lesson",
          "':lesson' needs a lesson number, e.g. :lesson 01; ':lessons' lists them",
          argument.column());
    }
    dev.replab.repl.notebook.NotebookPlayer.Step opened = player().open(argument.text());
    if (opened.session() == null) {
      return MetaOutcome.failed(":lesson", opened.text(), argument.column());
    }
    return step(":lesson", opened);
  }

  MetaOutcome nextCell() {
    return step(":next", player().next());
  }

  MetaOutcome prevCell() {
    return step(":prev", player().prev());
  }

  MetaOutcome runCell() {
    MetaOutcome outcome = step(":run", player().run(session));
    syncJournal();
    return outcome;
  }

  MetaOutcome resetLesson() {
    return step(":reset", player().reset());
  }

  // ------------------------------------------------------------------ Java

  MetaOutcome java(MetaCommands.Argument argument) {
    if (argument.isEmpty()) {
      javaBlock = new StringBuilder();
      return MetaOutcome.done(
          ":java",
          "Java block: type lines, then ':end' on a line of its own (':cancel' drops the block)");
    }
    return MetaOutcome.done(":java", evalJava(argument.text(), session));
  }

  private void collectJava(String line, String stripped, String origin) {
    if (stripped.equals(":end")) {
      String source = javaBlock.toString();
      javaBlock = null;
      printer()
          .meta(
              MetaOutcome.done(":java", evalJava(source, session)),
              session.nowUs(),
              new Input(line, 0, origin));
      printer().flush();
    } else if (stripped.equals(":cancel")) {
      javaBlock = null;
      printer()
          .meta(
              MetaOutcome.done(":java", "Java block dropped"),
              session.nowUs(),
              new Input(line, 0, origin));
      printer().flush();
    } else {
      javaBlock.append(line).append('\n');
    }
  }

  /** Evaluates Java through JShell, started on first use (it costs most of a second). */
  private String evalJava(String snippet, Session live) {
    if (javaConsole == null) {
      javaConsole = new dev.replab.lessons.java.JavaConsole();
    }
    evaluatingJava = true;
    try {
      String output = javaConsole.eval(snippet, live);
      syncJournal();
      return output.isEmpty() ? "(no value)" : output;
    } finally {
      evaluatingJava = false;
    }
  }

  /** True while a ':java' block is being typed, so the prompt can say so. */
  boolean inJavaBlock() {
    return javaBlock != null;
  }

  // ------------------------------------------------------------------ shell commands

  MetaOutcome metaHelp() {
    return MetaOutcome.done(":help", metaCommands.help());
  }

  MetaOutcome quit() {
    quitRequested = true;
    return MetaOutcome.done(":quit", "");
  }

  MetaOutcome json(MetaCommands.Argument argument) {
    switch (argument.text()) {
      case "on" -> jsonOn = true;
      case "off" -> jsonOn = false;
      case "" -> {
        return MetaOutcome.done(
            ":json",
            "JSON output is " + (jsonOn ? "on" : "off") + "; ':json on' or ':json off' changes it");
      }
      default -> {
        return MetaOutcome.failed(
            ":json",
            "':json' takes 'on' or 'off', not '" + argument.text() + "'",
            argument.column());
      }
    }
    return MetaOutcome.done(":json", "JSON output is " + argument.text());
  }

  MetaOutcome save(MetaCommands.Argument argument) {
    if (argument.isEmpty()) {
      return MetaOutcome.failed(
          ":save", "':save' needs a file name, e.g. :save demo.replab", argument.column());
    }
    Path file = SessionFile.pathOf(argument.text());
    List<String> commands = session.journal();
    try {
      SessionFile.writeAtomically(file, SessionFile.lines(seed, commands));
    } catch (IOException e) {
      return MetaOutcome.failed(
          ":save", "could not save to '" + file + "': " + SessionFile.reason(e), argument.column());
    }
    return MetaOutcome.done(
        ":save",
        "saved "
            + plural(commands.size(), "command")
            + " to "
            + file
            + "; replay with: replab run "
            + file);
  }

  MetaOutcome open(MetaCommands.Argument argument) {
    if (argument.isEmpty()) {
      return MetaOutcome.failed(
          ":open", "':open' needs a file name, e.g. :open demo.replab", argument.column());
    }
    Path file = SessionFile.pathOf(argument.text());
    List<String> lines;
    try {
      lines = SessionFile.read(file);
    } catch (IOException e) {
      return MetaOutcome.failed(
          ":open", "could not open '" + file + "': " + SessionFile.reason(e), argument.column());
    }
    Session fresh = new Session(seed);
    List<String> skipped;
    try {
      skipped = SessionFile.replay(fresh, lines, file);
    } catch (RuntimeException e) {
      // As in runCommands: an engine bug, reported with the seed; the current session stays as it
      // was.
      return MetaOutcome.failed(":open", internalError(e, "replaying " + file), argument.column());
    }
    session = fresh;
    session.setFrameSink(frameSink);
    journalled = fresh.journal().size();
    try {
      journal.restart(seed, fresh.journal());
    } catch (IOException e) {
      text.warn("could not rewrite the journal " + journal.file() + " (" + e.getMessage() + ")");
    }
    StringBuilder message =
        new StringBuilder(
            "opened "
                + file
                + ": replayed "
                + plural(fresh.journal().size(), "command")
                + "; now "
                + fresh.promptLabel());
    if (!skipped.isEmpty()) {
      message.append("\nskipped ").append(plural(skipped.size(), "rejected line")).append(':');
      skipped.forEach(line -> message.append("\n  ").append(line));
    }
    return MetaOutcome.done(":open", message.toString());
  }

  // ------------------------------------------------------------------ small helpers

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String firstWord(String line) {
    int space = line.indexOf(' ');
    return space < 0 ? line : line.substring(0, space);
  }
}
