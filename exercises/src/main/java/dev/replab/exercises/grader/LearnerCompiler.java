package dev.replab.exercises.grader;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a learner's sources with the JDK's compiler, against the engine, and explains errors the
 * way a learner reads them: file, line, column, message and the line with a caret.
 */
final class LearnerCompiler {
  private final List<Path> classpath;

  LearnerCompiler(List<Path> classpath) {
    this.classpath = classpath;
  }

  /**
   * What came of compiling.
   *
   * @param ok true when every file compiled and, for a learner's code, kept to the {@link
   *     ApiPolicy}
   * @param refused true when it compiled but uses what a learner's code may not
   * @param firstError one line for the score table, empty when ok
   * @param report every error in full, empty when ok
   */
  record Compilation(boolean ok, boolean refused, String firstError, String report) {
    static Compilation failed(String firstError, String report) {
      return new Compilation(false, false, firstError, report);
    }

    static Compilation refusedFor(String sentence) {
      return new Compilation(false, true, "refused: " + sentence, sentence);
    }
  }

  /**
   * Compiles every {@code .java} file under {@code sourceDir} into {@code outputDir}.
   *
   * @param learnerCode whether this is a learner's code, which must keep to the {@link ApiPolicy}
   */
  Compilation compile(
      Path sourceDir, Path outputDir, List<Path> extraClasspath, boolean learnerCode)
      throws IOException {
    List<Path> sources = javaFiles(sourceDir);
    if (sources.isEmpty()) {
      return Compilation.failed("no .java files in " + sourceDir, "no .java files in " + sourceDir);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      String why =
          "this Java runtime has no compiler; run the grader with a JDK (17 or newer), not a JRE";
      return Compilation.failed(why, why);
    }
    Files.createDirectories(outputDir);
    List<Path> fullClasspath = new ArrayList<>(extraClasspath);
    fullClasspath.addAll(classpath);
    List<String> options =
        List.of(
            "--release",
            "17",
            "-proc:none",
            "-implicit:class",
            "-encoding",
            "UTF-8",
            "-nowarn",
            "-d",
            outputDir.toString(),
            "-classpath",
            fullClasspath.stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok;
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      ok =
          compiler
              .getTask(
                  new StringWriter(),
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
    }
    if (!ok) {
      return describe(diagnostics.getDiagnostics(), sourceDir);
    }
    String refused = learnerCode ? ApiPolicy.firstViolation(outputDir) : null;
    return refused == null ? new Compilation(true, false, "", "") : Compilation.refusedFor(refused);
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }

  private static Compilation describe(
      List<Diagnostic<? extends JavaFileObject>> diagnostics, Path sourceDir) {
    StringBuilder report = new StringBuilder();
    String first = null;
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      errors++;
      String where = where(diagnostic, sourceDir);
      String message = diagnostic.getMessage(Locale.ROOT);
      if (first == null) {
        first = where + ": " + oneLine(message);
      }
      report.append(where).append(": error: ").append(message).append('\n');
      String line = sourceLine(diagnostic);
      if (line != null) {
        report.append("    ").append(line).append('\n');
        report
            .append("    ")
            .append(" ".repeat((int) Math.max(0, diagnostic.getColumnNumber() - 1)))
            .append("^\n");
      }
    }
    report.append(errors).append(errors == 1 ? " error" : " errors");
    return Compilation.failed(
        "does not compile: " + (first == null ? "see the compiler's report" : first),
        report.toString());
  }

  /** The message's first line, with the missing symbol when javac names it on a later line. */
  private static String oneLine(String message) {
    String line = Failures.firstLine(message);
    for (String more : message.split("\n")) {
      if (more.strip().startsWith("symbol:")) {
        return line + ": " + more.strip().substring("symbol:".length()).strip();
      }
    }
    return line;
  }

  private static String where(Diagnostic<? extends JavaFileObject> diagnostic, Path sourceDir) {
    if (diagnostic.getSource() == null) {
      return "(no file)";
    }
    Path file = Path.of(diagnostic.getSource().toUri()).toAbsolutePath().normalize();
    Path dir = sourceDir.toAbsolutePath().normalize();
    Path shown =
        file.startsWith(dir) ? dir.getFileName().resolve(dir.relativize(file)) : file.getFileName();
    return shown + ":" + diagnostic.getLineNumber() + ":" + diagnostic.getColumnNumber();
  }

  private static String sourceLine(Diagnostic<? extends JavaFileObject> diagnostic) {
    if (diagnostic.getSource() == null || diagnostic.getLineNumber() < 1) {
      return null;
    }
    try {
      String text = diagnostic.getSource().getCharContent(true).toString();
      String[] lines = text.split("\n", -1);
      int index = (int) diagnostic.getLineNumber() - 1;
      return index < lines.length ? lines[index].replace("\t", " ").stripTrailing() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
