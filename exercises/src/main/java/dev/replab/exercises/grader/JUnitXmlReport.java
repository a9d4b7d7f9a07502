package dev.replab.exercises.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the run as JUnit XML (one {@code testsuite} per exercise inside {@code testsuites}), the
 * format CI servers and GitHub Classroom read.
 */
final class JUnitXmlReport {
  private JUnitXmlReport() {}

  /** Writes the file whole or not at all, so that no reader ever sees half of it. */
  static void write(GradeResult result, Path file) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "replab grade");
      xml.writeAttribute("tests", String.valueOf(result.tests().size()));
      xml.writeAttribute(
          "failures", String.valueOf(result.tests().stream().filter(t -> !t.passed()).count()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("time", seconds(result.elapsedMs()));
      for (GradeResult.ExerciseResult exercise : result.exercises()) {
        suite(xml, exercise);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("could not write " + file + ": " + e.getMessage(), e);
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void suite(XMLStreamWriter xml, GradeResult.ExerciseResult exercise)
      throws XMLStreamException {
    long failures =
        exercise.tests().stream()
            .filter(t -> !t.passed() && t.status() != TestOutcome.Status.SKIPPED)
            .count();
    long skipped =
        exercise.tests().stream().filter(t -> t.status() == TestOutcome.Status.SKIPPED).count();
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", exercise.exercise().packageName());
    xml.writeAttribute("tests", String.valueOf(exercise.tests().size()));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", String.valueOf(skipped));
    xml.writeAttribute(
        "time", seconds(exercise.tests().stream().mapToLong(TestOutcome::durationMs).sum()));
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "title", exercise.exercise().title());
    property(xml, "score", String.valueOf(exercise.score()));
    property(xml, "max_score", String.valueOf(exercise.maxScore()));
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    for (TestOutcome test : exercise.tests()) {
      testCase(xml, test);
    }
    if (!exercise.compiled()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("system-err");
      xml.writeCharacters(clean(exercise.compileReport()));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value));
  }

  private static void testCase(XMLStreamWriter xml, TestOutcome test) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", test.testName());
    xml.writeAttribute("classname", test.className());
    xml.writeAttribute("time", seconds(test.durationMs()));
    if (test.status() == TestOutcome.Status.SKIPPED) {
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", clean(test.reason()));
    } else if (!test.passed()) {
      xml.writeStartElement("failure");
      xml.writeAttribute("message", clean(test.reason()));
      xml.writeAttribute("type", test.status().label());
      xml.writeCharacters(clean(test.details().isEmpty() ? test.reason() : test.details()));
      xml.writeEndElement();
    }
    xml.writeStartElement("system-out");
    xml.writeCharacters("points: " + test.score() + "/" + test.points());
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
  }

  /** Drops the characters XML 1.0 cannot hold, which a learner's program may well have printed. */
  static String clean(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || (c >= 0x10000 && c <= 0x10FFFF);
              if (allowed) {
                kept.appendCodePoint(c);
              }
            });
    return kept.toString();
  }
}
