package dev.replab.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
      text = new PDFTextStripper().getText(pdf);
    }
    assertTrue(text.length() > 50_000, "the PDF has hardly any text: " + text.length());
    assertEquals(List.of(), RawMarkup.in(text));
  }
}
