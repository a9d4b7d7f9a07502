package dev.replab.lessons.java;

import dev.replab.engine.Session;
import dev.replab.lessons.JavaCells;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Evaluates Java through the JDK's JShell API in this JVM, with the engine on the class path and
 * the live session bound to {@code session} and {@code cluster}. JShell starts on the first snippet
 * only: it costs most of a second, and nothing else should pay for it.
 */
public final class JavaConsole implements AutoCloseable, JavaCells {
  private static final String PRELUDE =
      "import dev.replab.engine.*; import dev.replab.engine.api.*; import dev.replab.engine.cluster.*; "
          + "import dev.replab.engine.history.*; import java.util.*;";

  private JShell shell;
  private String boundType;
  private volatile boolean stopRequested;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);

  /** True once JShell has been started. */
  public boolean started() {
    return shell != null;
  }

  /**
   * Evaluates one or more Java snippets and returns what a person should see: printed output, the
   * values of expressions, compile errors with their position, or the exception thrown.
   */
  @Override
  public synchronized String eval(String source, Session session) {
    LiveSession.set(session);
    start();
    StringBuilder out = new StringBuilder();
    for (String snippet : split(source)) {
      if (!evalOne(snippet, out)) {
        break;
      }
    }
    return out.toString().stripTrailing();
  }

  /** Stops a running snippet, as Ctrl-C does; the console stays usable. */
  public void stop() {
    JShell running = shell;
    if (running != null) {
      stopRequested = true;
      running.stop();
    }
  }

  private void start() {
    if (shell != null) {
      return;
    }
    shell = JShell.builder().executionEngine("local").out(capture).err(capture).build();
    shell.addToClasspath(System.getProperty("java.class.path"));
    Path exercises = exerciseClasses();
    if (exercises != null) {
      shell.addToClasspath(exercises.toString());
    }
    shell.eval(PRELUDE);
    shell.eval("var session = dev.replab.lessons.java.LiveSession.session();");
    shell.eval("var kernel = dev.replab.lessons.java.LiveSession.kernel();");
    boundType = null;
    bindCluster();
  }

  /**
   * Binds {@code session}, {@code kernel} and {@code cluster} to the live session. {@code cluster}
   * is the running model (a leader-follower or leaderless cluster) under its own type, so Tab
   * completes its members; when a {@code create} changed the model, the variable is declared again
   * with the new type.
   */
  private void bindCluster() {
    String type = LiveSession.modelType();
    String value = "(" + type + ") dev.replab.lessons.java.LiveSession.model()";
    shell.eval(
        "session = dev.replab.lessons.java.LiveSession.session();"
            + " kernel = dev.replab.lessons.java.LiveSession.kernel();");
    shell.eval(
        type.equals(boundType) ? "cluster = " + value + ";" : "var cluster = " + value + ";");
    boundType = type;
  }

  /**
   * The learner's compiled exercise classes ({@code exercises/target/classes} next to the launcher,
   * or under the working directory), so a snippet can try them on the live cluster; null when they
   * are not built.
   */
  static Path exerciseClasses() {
    String launcher = System.getProperty("replab.launcher");
    Path root = launcher == null ? Path.of("") : Path.of(launcher).toAbsolutePath().getParent();
    Path classes = root.resolve(Path.of("exercises", "target", "classes"));
    return Files.isDirectory(classes) ? classes.toAbsolutePath() : null;
  }

  /**
   * What could complete the snippet at {@code cursor}, as JShell's own analysis suggests (members
   * after a dot, names in scope, types). Starts JShell if it is not running yet, so the first Tab
   * in a {@code :java} line costs what the first snippet would.
   */
  public synchronized List<String> complete(String snippet, int cursor, Session session) {
    LiveSession.set(session);
    start();
    bindCluster();
    int[] anchor = new int[1];
    List<String> suggestions = new ArrayList<>();
    for (SourceCodeAnalysis.Suggestion suggestion :
        shell.sourceCodeAnalysis().completionSuggestions(snippet, cursor, anchor)) {
      if (suggestion.matchesType() || !suggestions.contains(suggestion.continuation())) {
        suggestions.add(suggestion.continuation());
      }
    }
    String head = snippet.substring(0, Math.max(0, Math.min(anchor[0], snippet.length())));
    return suggestions.stream().distinct().map(continuation -> head + continuation).toList();
  }

  private List<String> split(String source) {
    List<String> snippets = new ArrayList<>();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = source.strip();
    while (!remaining.isEmpty()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      if (!info.completeness().isComplete()) {
        snippets.add(remaining);
        break;
      }
      snippets.add(info.source());
      remaining = info.remaining().strip();
    }
    return snippets;
  }

  private boolean evalOne(String snippet, StringBuilder out) {
    // Rebind the live cluster each time: a 'create' since the last cell replaced it.
    bindCluster();
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    List<SnippetEvent> events;
    stopRequested = false;
    System.setOut(capture);
    System.setErr(capture);
    try {
      events = shell.eval(snippet);
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
    }
    out.append(drainCaptured());
    if (stopRequested) {
      out.append("stopped: the snippet was interrupted\n");
      return false;
    }
    boolean ok = true;
    for (SnippetEvent event : events) {
      ok &= describe(event, out);
    }
    return ok;
  }

  private String drainCaptured() {
    String text = captured.toString(StandardCharsets.UTF_8);
    captured.reset();
    return text;
  }

  private boolean describe(SnippetEvent event, StringBuilder out) {
    Snippet snippet = event.snippet();
    if (event.exception() != null) {
      out.append(exceptionText(event.exception())).append('\n');
      return false;
    }
    if (event.status() == Snippet.Status.REJECTED) {
      List<Diag> diagnostics = shell.diagnostics(snippet).collect(Collectors.toList());
      for (Diag diag : diagnostics) {
        long line = lineOf(snippet.source(), diag.getStartPosition());
        out.append("error at line ")
            .append(line)
            .append(", column ")
            .append(columnOf(snippet.source(), diag.getStartPosition()))
            .append(": ")
            .append(diag.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
            .append('\n');
      }
      if (diagnostics.isEmpty()) {
        out.append("error: the snippet was rejected\n");
      }
      return false;
    }
    if (event.causeSnippet() == null
            && event.value() != null
            && snippet.kind() == Snippet.Kind.EXPRESSION
        || event.causeSnippet() == null
            && snippet.kind() == Snippet.Kind.VAR
            && event.value() != null
            && isTempVar(snippet)) {
      String readable = readable(snippet);
      out.append(readable != null ? readable : event.value()).append('\n');
    }
    return true;
  }

  /**
   * The value as {@link JavaValues} shows it, when it is an engine object it knows: JShell's own
   * printing would give {@code Node@305f031}. The value is read through the variable that holds it,
   * in the snippet's class loader, so it is the very object the snippet produced.
   */
  private String readable(Snippet snippet) {
    String name =
        snippet instanceof jdk.jshell.VarSnippet variable
            ? variable.name()
            : snippet instanceof jdk.jshell.ExpressionSnippet expression ? expression.name() : null;
    if (name == null) {
      return null;
    }
    PrintStream realOut = System.out;
    System.setOut(capture);
    List<SnippetEvent> shown;
    try {
      shown = shell.eval("dev.replab.lessons.java.JavaValues.show(" + name + ");");
    } finally {
      System.setOut(realOut);
    }
    String printed = drainCaptured();
    boolean did = shown.stream().anyMatch(e -> e.exception() == null && "true".equals(e.value()));
    // Forget the helper snippet, so that $-numbers go on from the learner's own snippets.
    shown.forEach(e -> shell.drop(e.snippet()));
    return did ? printed : null;
  }

  private static boolean isTempVar(Snippet snippet) {
    return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  private static String exceptionText(Exception e) {
    if (e instanceof EvalException eval) {
      String message = eval.getMessage();
      return "exception " + eval.getExceptionClassName() + (message == null ? "" : ": " + message);
    }
    if (e instanceof jdk.jshell.UnresolvedReferenceException unresolved) {
      return "error: "
          + unresolved.getSnippet().source().strip()
          + " refers to something that is not defined";
    }
    return "stopped: "
        + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static long lineOf(String source, long position) {
    return source
            .substring(0, (int) Math.min(position, source.length()))
            .chars()
            .filter(c -> c == '\n')
            .count()
        + 1;
  }

  private static long columnOf(String source, long position) {
    int end = (int) Math.min(position, source.length());
    int lineStart = source.lastIndexOf('\n', end - 1) + 1;
    return end - lineStart + 1;
  }

  @Override
  public synchronized void close() {
    if (shell != null) {
      shell.close();
      shell = null;
    }
  }
}
