package dev.replab.engine.sim;

/**
 * Reads and writes the durations of the command language: {@code 500us}, {@code 20ms}, {@code 2s},
 * {@code 1m}.
 */
public final class Durations {
  private Durations() {}

  /**
   * Parses a duration into microseconds.
   *
   * @throws IllegalArgumentException with a sentence a learner can act on
   */
  public static long parseUs(String text) {
    int unitStart = 0;
    while (unitStart < text.length()
        && (Character.isDigit(text.charAt(unitStart)) || text.charAt(unitStart) == '.')) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart == text.length()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration; write a number and a unit, like 500us, 20ms, 2s or 1m");
    }
    double amount;
    try {
      amount = Double.parseDouble(text.substring(0, unitStart));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; try 20ms");
    }
    long unitUs =
        switch (text.substring(unitStart)) {
          case "us" -> 1L;
          case "ms" -> 1_000L;
          case "s" -> 1_000_000L;
          case "m", "min" -> 60_000_000L;
          case "h" -> 3_600_000_000L;
          default ->
              throw new IllegalArgumentException(
                  "'"
                      + text
                      + "' has an unknown unit '"
                      + text.substring(unitStart)
                      + "'; use us, ms, s or m");
        };
    return Math.round(amount * unitUs);
  }

  /** Formats microseconds for people: {@code 350us}, {@code 12.5ms}, {@code 3.2s}. */
  public static String format(long us) {
    if (us < 1_000) {
      return us + "us";
    }
    if (us < 1_000_000) {
      return trim(us, 1_000) + "ms";
    }
    if (us < 600_000_000) {
      return trim(us, 1_000_000) + "s";
    }
    return trim(us, 60_000_000) + "m";
  }

  /** Milliseconds with up to three decimals, as JSON fields carry them. */
  public static double toMs(long us) {
    return us / 1_000.0;
  }

  /**
   * {@code us} in units of {@code unitUs}, rounded half up to two decimals below 10, one below 100
   * and none above, without trailing zeros. Integer arithmetic keeps it exact and cheap: timelines
   * and histories format millions of durations.
   */
  private static String trim(long us, long unitUs) {
    int decimals = us >= 100 * unitUs ? 0 : us >= 10 * unitUs ? 1 : 2;
    long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
    long rounded = (us * scale * 2 + unitUs) / (2 * unitUs);
    long whole = rounded / scale;
    long fraction = rounded % scale;
    if (fraction == 0) {
      return Long.toString(whole);
    }
    if (decimals == 2) {
      return fraction % 10 == 0
          ? whole + "." + fraction / 10
          : whole + (fraction < 10 ? ".0" : ".") + fraction;
    }
    return whole + "." + fraction;
  }

  /** A duration with its sign, like {@code +50ms} or {@code -2s}; 0 is {@code +0us}. */
  public static String signed(long us) {
    return (us < 0 ? "-" : "+") + format(Math.abs(us));
  }
}
