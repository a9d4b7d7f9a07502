package dev.replab.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The book as rendered by the build ({@code target/book}). BookBuilder already fails on raw markup
 * in the HTML it writes; the PDF's text can only be read back with a PDF parser, so it is checked
 * here, after the package phase has rendered the book.
 */
class RenderedBookTests {
  private static final Path BOOK = Path.of("target", "book");

  @Test
  void thePdfShowsNoRawMarkup() throws IOException {
    String text;
    try (PDDocument pdf = Loader.loadPDF(BOOK.resolve("replab-book.pdf").toFile())) {
      text = new ProseStripper().getText(pdf);
    }
    assertTrue(text.length() > 50_000, "the PDF has hardly any text: " + text.length());
    assertEquals(List.of(), RawMarkup.in(text));
  }

  @Test
  void theProseStripperLeavesOutListingsOnly() throws IOException {
    String all;
    String prose;
    try (PDDocument pdf = Loader.loadPDF(BOOK.resolve("replab-book.pdf").toFile())) {
      all = new PDFTextStripper().getText(pdf);
      prose = new ProseStripper().getText(pdf);
    }
    // Every lesson's transcript shows its commands in the monospace font, and prose names them.
    assertTrue(all.contains("> create leader-follower"), "the listings are in the PDF");
    assertTrue(!prose.contains("> create leader-follower"), "listings are left out of the prose");
    assertTrue(prose.contains("leader") && prose.length() > all.length() / 4, "prose stays");
  }

  /**
   * The PDF's text as a reader sees prose, like {@link RawMarkup#htmlProse}: text set in the
   * monospace font of listings and code spans is left out, because its characters ({@code {milk}},
   * backticks) are meant literally.
   */
  static final class ProseStripper extends PDFTextStripper {
    ProseStripper() throws IOException {}

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      StringBuilder kept = new StringBuilder();
      for (TextPosition position : positions) {
        String font = position.getFont() == null ? "" : position.getFont().getName();
        kept.append(font != null && font.contains("Mono") ? " " : position.getUnicode());
      }
      super.writeString(kept.toString(), positions);
    }
  }
}
