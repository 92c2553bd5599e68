package org.gmmvi.core.config;

import java.util.Collection;

/**
 * A configuration or codeword error: the message names the offending key or letter, the value and
 * what is allowed. Unknown keys come with the closest valid key ({@link #closest}).
 */
public class ConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The candidate closest to {@code key} in Levenshtein distance (ties: first in iteration order), or
   * {@code null} if none is within {@code max(2, |key|/2)} edits.
   */
  public static String closest(String key, Collection<String> candidates) {
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    for (String c : candidates) {
      int dist = levenshtein(key, c);
      if (dist < bestDist) {
        bestDist = dist;
        best = c;
      }
    }
    return bestDist <= Math.max(2, key.length() / 2) ? best : null;
  }

  /** {@code "; did you mean 'x'?"} or the empty string. */
  public static String suggestion(String key, Collection<String> candidates) {
    String c = closest(key, candidates);
    return c == null ? "" : "; did you mean '" + c + "'?";
  }

  /** Edit distance (insertions, deletions, substitutions all cost 1). */
  public static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
