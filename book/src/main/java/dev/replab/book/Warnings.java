package dev.replab.book;

import java.util.ArrayList;
import java.util.List;
import org.asciidoctor.ast.Cursor;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Collects every Asciidoctor message of severity WARN or worse. A book with a warning is a broken
 * book (a missing include, an unknown attribute, a lesson that did not run), so the builder fails
 * when this is not empty after a conversion.
 */
final class Warnings implements LogHandler {
  private final List<String> messages = new ArrayList<>();

  @Override
  public synchronized void log(LogRecord record) {
    if (record.getSeverity().ordinal() >= Severity.WARN.ordinal()
        && record.getSeverity() != Severity.UNKNOWN) {
      messages.add(record.getSeverity() + " " + where(record.getCursor()) + record.getMessage());
    }
  }

  private static String where(Cursor cursor) {
    if (cursor == null) {
      return "";
    }
    String file = cursor.getPath() != null ? cursor.getPath() : cursor.getFile();
    return (file == null ? "<input>" : file) + ":" + cursor.getLineNumber() + ": ";
  }

  /** The messages collected since the last {@link #drain()}, and forgets them. */
  synchronized List<String> drain() {
    List<String> copy = List.copyOf(messages);
    messages.clear();
    return copy;
  }
}
