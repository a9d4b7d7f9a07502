package dev.replab.repl;

import org.jline.reader.impl.DefaultParser;

/**
 * JLine's word splitter, taught that {@code ;} and {@code |} end a word as they do in the command
 * language, so Tab after {@code write x 1;rea} completes {@code rea} and not {@code 1;rea}.
 */
final class ShellParser extends DefaultParser {
  @Override
  public boolean isDelimiterChar(CharSequence buffer, int pos) {
    char c = buffer.charAt(pos);
    return c == ';' || c == '|' || super.isDelimiterChar(buffer, pos);
  }
}
