package dev.replab.engine.store;

import java.util.Comparator;

/**
 * Orders node ids the way a learner counts them: {@code n2} before {@code n10}.
 *
 * <p>Runs of digits compare by their number and everything else by character; two ids that only
 * differ in leading zeros fall back to plain string order, so the order stays total and agrees with
 * {@code equals}.
 */
public final class NodeOrder implements Comparator<String> {
  /** The one instance; the comparator has no state. */
  public static final NodeOrder INSTANCE = new NodeOrder();

  private NodeOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int byNumber = compareNumbers(a.substring(i, endA), b.substring(j, endB));
        if (byNumber != 0) {
          return byNumber;
        }
        i = endA;
        j = endB;
      } else if (ca != cb) {
        return Character.compare(ca, cb);
      } else {
        i++;
        j++;
      }
    }
    int byRest = Integer.compare(a.length() - i, b.length() - j);
    return byRest != 0 ? byRest : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Compares two digit strings by value without parsing, so any length works. */
  private static int compareNumbers(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static String stripZeros(String digits) {
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    return digits.substring(start);
  }
}
