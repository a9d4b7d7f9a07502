package dev.replab.book;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds AsciiDoc markup that survived into the rendered book: a backtick that did not pair up, bold
 * or italic marks, an attribute reference or a prose placeholder that did not resolve, a cross
 * reference that pointed nowhere. Each finding quotes the text around it, so the author can find
 * the sentence.
 */
final class RawMarkup {
  /** What a reader must never see, and what it means. */
  private record Rule(Pattern pattern, String what) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(Pattern.compile("`"), "a backtick (an unpaired code span)"),
          new Rule(
              Pattern.compile("\\*\\*|(?<![\\w*])\\*\\w[^*\\n]{0,60}\\w\\*(?![\\w*])"),
              "bold marks"),
          new Rule(
              Pattern.compile("(?<![\\w_])__?\\w[^_\\n]{0,60}\\w__?(?![\\w_])"), "italic marks"),
          new Rule(Pattern.compile("\\{\\{[^}]*}}"), "a prose placeholder that was not filled"),
          new Rule(
              Pattern.compile("\\{[a-z][a-z0-9_-]*}"),
              "an attribute reference that did not resolve"),
          new Rule(Pattern.compile("<<|>>"), "cross-reference marks"),
          new Rule(
              Pattern.compile("\\[(?:lesson|_)[a-z0-9_-]*]"),
              "a cross reference that pointed nowhere"),
          new Rule(
              Pattern.compile("\\b(?:pass|link|xref|kbd|image):[^\\s\\[]*\\["), "an inline macro"));

  private static final Pattern DROPPED =
      Pattern.compile("(?is)<(pre|script|style|svg|head|code)\\b.*?</\\1>|<!--.*?-->");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]+>");
  private static final Pattern HREF = Pattern.compile("href=\"#([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

  private RawMarkup() {}

  /** The leftovers in plain text, one sentence each with the text around it. */
  static List<String> in(String text) {
    List<String> found = new ArrayList<>();
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(text);
      while (matcher.find()) {
        found.add(rule.what() + " in \"" + around(text, matcher.start(), matcher.end()) + "\"");
      }
    }
    return found;
  }

  /**
   * The text a reader sees in the HTML book's prose: listings, code, drawings and scripts left out
   * (their characters are meant literally), tags removed, entities decoded.
   */
  static String htmlProse(String html) {
    String text = DROPPED.matcher(html).replaceAll(" ");
    text = TAG.matcher(text).replaceAll(" ");
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#8217;", "'")
        .replace("&#8216;", "'")
        .replace("&#8220;", "\"")
        .replace("&#8221;", "\"")
        .replace("&#160;", " ")
        .replace("&amp;", "&");
  }

  /** Every {@code href="#x"} in the page that names no element's id. */
  static List<String> brokenLinks(String html) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher id = ID.matcher(html);
    while (id.find()) {
      ids.add(id.group(1));
    }
    Set<String> broken = new LinkedHashSet<>();
    Matcher href = HREF.matcher(html);
    while (href.find()) {
      if (!ids.contains(href.group(1))) {
        broken.add("a link to #" + href.group(1) + ", which no section or block has");
      }
    }
    return List.copyOf(broken);
  }

  private static String around(String text, int start, int end) {
    String excerpt =
        text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40))
            .replaceAll("\\s+", " ")
            .strip();
    return excerpt;
  }
}
