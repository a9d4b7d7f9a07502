package dev.replab.repl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report: one row per measurement, with its budget and whether the median met it. */
final class Table {
  /** Whether a row has a budget and, if so, whether it was met. */
  enum Verdict {
    PASS,
    FAIL,
    INFO
  }

  private record Row(String what, String budget, String measured, Verdict verdict) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void add(String what, String budget, String measured, boolean met) {
    rows.add(new Row(what, budget, measured, met ? Verdict.PASS : Verdict.FAIL));
  }

  /** A row that reports a number without judging it. */
  void info(String what, String measured) {
    rows.add(new Row(what, "", measured, Verdict.INFO));
  }

  void note(String text) {
    notes.add(text);
  }

  boolean allPassed() {
    return rows.stream().noneMatch(row -> row.verdict == Verdict.FAIL);
  }

  String render() {
    int whatWidth = width("measurement", rows.stream().map(Row::what).toList());
    int budgetWidth = width("budget", rows.stream().map(Row::budget).toList());
    int measuredWidth = width("median", rows.stream().map(Row::measured).toList());
    String format = "%-" + whatWidth + "s  %-" + budgetWidth + "s  %-" + measuredWidth + "s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, format, "measurement", "budget", "median", "result"));
    out.append("-".repeat(whatWidth + budgetWidth + measuredWidth + 12)).append('\n');
    for (Row row : rows) {
      String result =
          row.verdict == Verdict.INFO ? "" : row.verdict.name().toLowerCase(Locale.ROOT);
      out.append(String.format(Locale.ROOT, format, row.what, row.budget, row.measured, result));
    }
    for (String note : notes) {
      out.append("  * ").append(note).append('\n');
    }
    return out.toString();
  }

  private static int width(String header, List<String> cells) {
    int width = header.length();
    for (String cell : cells) {
      width = Math.max(width, cell.length());
    }
    return width;
  }
}
