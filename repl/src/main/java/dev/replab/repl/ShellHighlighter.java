package dev.replab.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the line as it is typed: known commands in bold, words that are no command in red. */
final class ShellHighlighter implements Highlighter {
  private static final AttributedStyle COMMAND =
      AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle META =
      AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
  private static final AttributedStyle UNKNOWN =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  private static final AttributedStyle COMMENT =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);

  private final Repl repl;

  ShellHighlighter(Repl repl) {
    this.repl = repl;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    LineStyle style = new LineStyle(repl.session().registry().names(), repl.metaCommands().names());
    AttributedStringBuilder builder = new AttributedStringBuilder();
    int at = 0;
    for (LineStyle.Span span : style.spans(buffer)) {
      builder.append(buffer.substring(at, span.start()));
      builder.styled(styleOf(span.kind()), buffer.substring(span.start(), span.end()));
      at = span.end();
    }
    builder.append(buffer.substring(at));
    return builder.toAttributedString();
  }

  private static AttributedStyle styleOf(LineStyle.Kind kind) {
    return switch (kind) {
      case COMMAND -> COMMAND;
      case META -> META;
      case UNKNOWN -> UNKNOWN;
      case COMMENT -> COMMENT;
    };
  }
}
