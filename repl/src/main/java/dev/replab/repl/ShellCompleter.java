package dev.replab.repl;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion in the shell, answered by {@link Repl#complete} (and so by the engine). */
final class ShellCompleter implements Completer {
  private final Repl repl;

  ShellCompleter(Repl repl) {
    this.repl = repl;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String value : repl.complete(line.line(), line.cursor())) {
      // An option such as "nodes=" still needs its value, so no space goes after it.
      boolean complete = !value.endsWith("=");
      candidates.add(new Candidate(value, value, null, null, null, null, complete));
    }
  }
}
