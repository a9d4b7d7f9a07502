package dev.replab.repl.java;

import dev.replab.engine.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
public final class JavaConsole implements AutoCloseable, dev.replab.lessons.JavaCells {
  private static final String PRELUDE =
      "import dev.replab.engine.*; import dev.replab.engine.api.*; import dev.replab.engine.cluster.*; "
          + "import dev.replab.engine.history.*; import java.util.*;";

  private JShell shell;
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
    shell.eval(PRELUDE);
    shell.eval("var session = dev.replab.repl.java.LiveSession.session();");
    shell.eval("Cluster cluster() { return dev.replab.repl.java.LiveSession.cluster(); }");
    shell.eval("var cluster = dev.replab.repl.java.LiveSession.cluster();");
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
    shell.eval(
        "session = dev.replab.repl.java.LiveSession.session(); cluster = dev.replab.repl.java.LiveSession.cluster();");
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
      out.append(event.value()).append('\n');
    }
    return true;
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
