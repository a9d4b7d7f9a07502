package dev.replab.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markup that Asciidoctor passes through unconverted is caught before a reader sees it. */
class RawMarkupTests {
  private static BookBuilder builder;

  @TempDir Path dir;

  @BeforeAll
  static void startAsciidoctor() {
    builder = new BookBuilder();
  }

  @AfterAll
  static void stopAsciidoctor() {
    builder.close();
  }

  private List<String> leaks(String asciidoc) throws Exception {
    return RawMarkup.in(RawMarkup.htmlProse(builder.convert(asciidoc, dir)));
  }

  @Test
  void aCodeSpanFollowedByAnApostropheLeaksItsBackticks() throws Exception {
    List<String> leaks = leaks("The read found `x = 1` in `n3`'s own copy.\n");
    assertEquals(1, leaks.size(), leaks::toString);
    assertTrue(leaks.get(0).startsWith("a backtick (an unpaired code span) in"), leaks::toString);
  }

  @Test
  void cleanProseAndLiteralListingsPass() throws Exception {
    assertEquals(
        List.of(),
        leaks(
            "The copy on `n3` has *bold* and _italic_ words, a <<here,link>>.\n\n"
                + "[[here]]\n----\nwrite `x` **1** {raw} <<x>>\n----\n"));
  }

  @Test
  void unfilledPlaceholdersAndDoubledMarksAreFound() {
    List<String> leaks = RawMarkup.in("it took {{latency_ms}} ms, **not** __much__ <<lesson-09>>");
    for (String kind :
        List.of("bold marks", "italic marks", "a prose placeholder", "cross-reference marks")) {
      assertTrue(leaks.stream().anyMatch(leak -> leak.startsWith(kind)), kind + ": " + leaks);
    }
  }

  @Test
  void aLinkToAnIdThatDoesNotExistIsFound() throws Exception {
    String html =
        builder.convert("See <<lesson-99,lesson 99>> and <<here>>.\n\n[[here]]\nText.\n", dir);
    assertEquals(
        List.of("a link to #lesson-99, which no section or block has"),
        RawMarkup.brokenLinks(html));
  }
}
