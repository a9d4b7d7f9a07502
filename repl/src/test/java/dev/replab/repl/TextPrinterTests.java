package dev.replab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextPrinterTests {
  private static final String PROMPT = "replab[leader-follower 0us]> ";

  private final StringWriter screen = new StringWriter();
  private final TextPrinter shell =
      new TextPrinter(new PrintWriter(screen), new PrintWriter(screen), true);

  /** Runs a line the way the shell does and returns what it printed, without colour codes. */
  private String typed(Session session, String line) {
    shell.typedLineAt(PROMPT.length());
    List<Executed> ran = session.execute(line);
    int from = 0;
    for (Executed executed : ran) {
      int at = Math.max(0, line.indexOf(executed.source(), from));
      from = at + executed.source().length();
      shell.executed(executed, new Input(line, at, null));
    }
    shell.flush();
    return screen.toString().replaceAll("\u001b\\[[0-9;]*m", "");
  }

  @Test
  void inTheShellACaretPointsIntoTheLineJustTyped() {
    Session session = new Session(1);
    session.execute("create leader-follower");
    String printed = typed(session, "read x from n9");
    String caret = " ".repeat(PROMPT.length() + "read x from ".length()) + "^";
    assertEquals(caret + "\nerror: no node 'n9'; did you mean 'n1'? nodes are n1 n2 n3\n", printed);
  }

  @Test
  void whenOutputCameFirstTheCaretGoesUnderACopyOfTheLine() {
    Session session = new Session(1);
    session.execute("create leader-follower");
    String line = "write x 1; read x from n9";
    String[] printed = typed(session, line).split("\n");
    assertEquals("  " + line, printed[1]);
    assertEquals("  " + " ".repeat(line.indexOf("n9")) + "^", printed[2]);
  }

  @Test
  void theCaretCountsScreenColumnsNotCharacters() {
    StringWriter wide = new StringWriter();
    // Stands in for the terminal's own measure, in which this CJK character is two columns wide.
    TextPrinter printer =
        new TextPrinter(
            new PrintWriter(wide),
            new PrintWriter(wide),
            true,
            text -> text.length() + (int) text.chars().filter(c -> c == '値').count());
    Session session = new Session(1);
    session.execute("create leader-follower");
    String line = "read 値 from n9";
    printer.typedLineAt(PROMPT.length());
    printer.executed(session.execute(line).get(0), new Input(line, 0, null));
    printer.flush();
    String caretLine = wide.toString().replaceAll("\u001b\\[[0-9;]*m", "").split("\n")[0];
    assertEquals(PROMPT.length() + "read 値 from ".length() + 1, caretLine.indexOf('^'));
  }

  @Test
  void theShellPaintsErrorsRed() {
    Session session = new Session(1);
    shell.typedLineAt(PROMPT.length());
    shell.executed(session.execute("wrte").get(0), new Input("wrte", 0, null));
    shell.flush();
    assertEquals(PROMPT.length() + "\u001b[31m".length(), screen.toString().indexOf('^'));
  }
}
