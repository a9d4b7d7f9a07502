package dev.replab.repl;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A {@link Repl} wired to strings, so tests can type lines and read what was printed. */
final class Transcript {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  final TextPrinter text =
      new TextPrinter(new PrintWriter(out, true), new PrintWriter(err, true), false);
  final Repl repl;

  Transcript(long seed, Journal journal, boolean json) {
    PrintWriter jsonOut = new PrintWriter(out, true);
    this.repl = new Repl(seed, text, () -> new JsonPrinter(jsonOut), journal, json);
  }

  Transcript() {
    this(1, Journal.none(), false);
  }

  static Transcript json() {
    return new Transcript(1, Journal.none(), true);
  }

  /** Types each line in turn. */
  Transcript type(String... lines) {
    for (String line : lines) {
      repl.handle(line);
    }
    return this;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Forgets what was printed so far, to look only at what the next lines print. */
  Transcript clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return this;
  }
}
