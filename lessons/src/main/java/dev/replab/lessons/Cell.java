package dev.replab.lessons;

import java.util.List;

/** One cell of a lesson. */
public sealed interface Cell permits Cell.Prose, Cell.Run, Cell.Java, Cell.Try, Cell.Quiz {
  /** Where the cell starts in its file. */
  Position at();

  /**
   * Explanation in AsciiDoc.
   *
   * @param placeholders the values in {@code text} that come from the run cell before it, in the
   *     order they appear (see {@link Placeholder})
   */
  record Prose(String text, List<Placeholder> placeholders, Position at) implements Cell {
    public Prose {
      placeholders = List.copyOf(placeholders);
    }

    /** Prose without placeholders. */
    public Prose(String text, Position at) {
      this(text, List.of(), at);
    }
  }

  /**
   * Command lines to run in the lesson's session, and what their results must show.
   *
   * @param commands command lines; a line may hold several commands separated by {@code ;}
   * @param expect assertions on the results; each names a line by its 1-based number
   */
  record Run(List<String> commands, List<Expectation> expect, Position at) implements Cell {
    public Run {
      commands = List.copyOf(commands);
      expect = List.copyOf(expect);
    }
  }

  /** A JShell snippet with the lesson's session bound. */
  record Java(String snippet, Position at) implements Cell {}

  /**
   * Something for the learner to try on their own.
   *
   * @param prompt what to try, in AsciiDoc
   * @param hint a nudge, or null
   */
  record Try(String prompt, String hint, Position at) implements Cell {}

  /**
   * A multiple-choice question.
   *
   * @param answer the index of the right choice in {@code choices}, from 0
   */
  record Quiz(String question, List<String> choices, int answer, String explanation, Position at)
      implements Cell {
    public Quiz {
      choices = List.copyOf(choices);
      if (answer < 0 || answer >= choices.size()) {
        throw new IllegalArgumentException(
            "answer " + answer + " is not one of " + choices.size() + " choices");
      }
    }

    /** The label of a choice as lessons write and show it: a, b, c... */
    public static String letter(int index) {
      return String.valueOf((char) ('a' + index));
    }
  }
}
