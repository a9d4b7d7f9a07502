package dev.replab.book;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;

/**
 * Renders the course book to HTML and PDF. The lessons and {@code [replab]} examples are executed
 * while rendering, and any Asciidoctor warning or error fails the build, so a book that renders is
 * a book whose every listing came from the engine.
 *
 * <pre>
 * java -cp &lt;book jar and its dependencies&gt; dev.replab.book.BookBuilder \
 *     [--source book/src/docs/asciidoc] [--out book/target/book] [--formats html,pdf]
 * </pre>
 */
public final class BookBuilder implements AutoCloseable {
  /** The document that includes every chapter, inside the source folder. */
  static final String MAIN_DOCUMENT = "book.adoc";

  /** An output format: the Asciidoctor backend and the file it writes. */
  public enum Format {
    HTML("html5", "index.html"),
    PDF("pdf", "replab-book.pdf");

    final String backend;
    final String fileName;

    Format(String backend, String fileName) {
      this.backend = backend;
      this.fileName = fileName;
    }

    static Format parse(String name) {
      return switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "html", "html5" -> HTML;
        case "pdf" -> PDF;
        default ->
            throw new IllegalArgumentException(
                "unknown format '" + name + "'; formats are html and pdf");
      };
    }
  }

  /** One rendered file and how long its conversion took. */
  public record Rendered(Format format, Path file, long millis) {}

  private final Asciidoctor asciidoctor;
  private final Warnings warnings = new Warnings();
  // AsciidoctorJ also prints every message through java.util.logging, each one under a two-line
  // header; Warnings already reports what matters, once, with file and line. The logger is held
  // in a field because java.util.logging keeps only weak references to configured loggers.
  private final Logger julLogger = Logger.getLogger("asciidoctor");

  /** Starts Asciidoctor (a few seconds: it boots JRuby) with the replab extensions registered. */
  public BookBuilder() {
    julLogger.setLevel(Level.OFF);
    asciidoctor = Asciidoctor.Factory.create();
    asciidoctor.registerLogHandler(warnings);
    ReplabExtensions.register(asciidoctor);
  }

  /** Renders {@code source/book.adoc} into {@code outDir} in one format. */
  public Rendered render(Path source, Path outDir, Format format) throws BookException {
    Path main = source.resolve(MAIN_DOCUMENT);
    if (!Files.isRegularFile(main)) {
      throw new BookException(List.of("no " + MAIN_DOCUMENT + " in " + source.toAbsolutePath()));
    }
    long start = System.nanoTime();
    Options options =
        Options.builder()
            .backend(format.backend)
            .safe(SafeMode.UNSAFE)
            .baseDir(source.toFile())
            .toFile(outDir.resolve(format.fileName).toAbsolutePath().toFile())
            .mkDirs(true)
            .standalone(true)
            .attributes(Attributes.builder().attribute("attribute-missing", "warn").build())
            .build();
    warnings.drain();
    asciidoctor.convertFile(main.toFile(), options);
    failOnWarnings();
    if (format == Format.HTML) {
      failOnRawMarkup(outDir.resolve(format.fileName));
    }
    return new Rendered(
        format, outDir.resolve(format.fileName), (System.nanoTime() - start) / 1_000_000);
  }

  /** Converts a snippet of AsciiDoc to an HTML fragment, failing on any warning; for tests. */
  String convert(String asciidoc, Path baseDir) throws BookException {
    Conversion conversion = convertCollecting(asciidoc, baseDir);
    if (!conversion.warnings().isEmpty()) {
      throw new BookException(conversion.warnings());
    }
    return conversion.html();
  }

  /**
   * Parses a snippet of AsciiDoc for a backend without converting it, failing on any warning; for
   * tests that look at the blocks the extensions made for the PDF.
   */
  Document load(String asciidoc, Path baseDir, String backend) throws BookException {
    Options options =
        Options.builder()
            .backend(backend)
            .safe(SafeMode.UNSAFE)
            .baseDir(baseDir.toFile())
            .attributes(Attributes.builder().attribute("attribute-missing", "warn").build())
            .build();
    if (backend.equals(Format.PDF.backend)) {
      // Converting loads the PDF converter by itself; parsing alone does not.
      asciidoctor.requireLibrary("asciidoctor-pdf");
    }
    warnings.drain();
    Document document = asciidoctor.load(asciidoc, options);
    failOnWarnings();
    return document;
  }

  /** An HTML fragment and the warnings its conversion logged. */
  record Conversion(String html, List<String> warnings) {}

  /** Converts a snippet of AsciiDoc to an HTML fragment and returns the warnings with it. */
  Conversion convertCollecting(String asciidoc, Path baseDir) {
    Options options =
        Options.builder()
            .backend("html5")
            .safe(SafeMode.UNSAFE)
            .baseDir(baseDir.toFile())
            .attributes(Attributes.builder().attribute("attribute-missing", "warn").build())
            .build();
    warnings.drain();
    String html = asciidoctor.convert(asciidoc, options);
    return new Conversion(html, warnings.drain());
  }

  /**
   * Fails when the HTML book shows markup a reader should never see (a stray backtick, an
   * unresolved attribute or placeholder, a link to nowhere). The PDF comes from the same source and
   * its text is checked by the build's rendered-book tests.
   */
  private static void failOnRawMarkup(Path html) throws BookException {
    String page;
    try {
      page = Files.readString(html);
    } catch (java.io.IOException e) {
      throw new BookException(List.of("could not read " + html + " back: " + e.getMessage()));
    }
    List<String> found = new ArrayList<>(RawMarkup.in(RawMarkup.htmlProse(page)));
    found.addAll(RawMarkup.brokenLinks(page));
    if (!found.isEmpty()) {
      throw new BookException(
          found.stream().map(leak -> html.getFileName() + ": raw markup: " + leak).toList());
    }
  }

  private void failOnWarnings() throws BookException {
    List<String> messages = warnings.drain();
    if (!messages.isEmpty()) {
      throw new BookException(messages);
    }
  }

  @Override
  public void close() {
    asciidoctor.close();
  }

  /** The book did not render cleanly; each message names a file and line where it can. */
  public static final class BookException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> messages;

    BookException(List<String> messages) {
      super(String.join("\n", messages));
      this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
      return messages;
    }
  }

  public static void main(String[] args) {
    // The plots are drawn with Java 2D; there is no screen to draw on.
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("replab book: " + e.getMessage());
      err.println(Arguments.USAGE);
      return 2;
    }
    if (arguments.help()) {
      out.println(Arguments.USAGE);
      return 0;
    }
    long start = System.nanoTime();
    try (BookBuilder builder = new BookBuilder()) {
      out.printf(Locale.ROOT, "asciidoctor ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
      for (Format format : arguments.formats()) {
        Rendered rendered = builder.render(arguments.source(), arguments.out(), format);
        out.printf(
            Locale.ROOT,
            "%-4s %s (%.1f s)%n",
            format.name().toLowerCase(Locale.ROOT),
            rendered.file(),
            rendered.millis() / 1e3);
      }
    } catch (BookException e) {
      err.println("replab book: the book did not render cleanly:");
      e.messages().forEach(message -> err.println("  " + message));
      return 1;
    }
    return 0;
  }

  /** The command line: where the chapters are, where the book goes, which formats. */
  record Arguments(Path source, Path out, List<Format> formats, boolean help) {
    static final String USAGE =
        String.join(
            "\n",
            "usage: BookBuilder [--source <dir>] [--out <dir>] [--formats html,pdf]",
            "  --source   the folder with book.adoc (default book/src/docs/asciidoc)",
            "  --out      where index.html and replab-book.pdf go (default book/target/book)",
            "  --formats  html, pdf or both, comma-separated (default html,pdf)");

    static Arguments parse(String[] args) {
      Path source = Path.of("book", "src", "docs", "asciidoc");
      Path out = Path.of("book", "target", "book");
      List<Format> formats = List.of(Format.HTML, Format.PDF);
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--source" -> source = Path.of(value(args, ++i, "--source"));
          case "--out" -> out = Path.of(value(args, ++i, "--out"));
          case "--formats" -> formats = formats(value(args, ++i, "--formats"));
          case "-h", "--help" -> help = true;
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      return new Arguments(source, out, formats, help);
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }

    private static List<Format> formats(String list) {
      List<Format> formats = new ArrayList<>();
      for (String name : list.split(",")) {
        Format format = Format.parse(name);
        if (!formats.contains(format)) {
          formats.add(format);
        }
      }
      return List.copyOf(formats);
    }
  }
}
