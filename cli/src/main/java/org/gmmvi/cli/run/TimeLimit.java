package org.gmmvi.cli.run;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --time-limit} values: one or more {@code <number><unit>} parts with units
 * {@code h}, {@code m}, {@code s} in that order ({@code 90s}, {@code 10m}, {@code 2h},
 * {@code 1h30m}, {@code 1.5h}); a bare number means seconds.
 */
public final class TimeLimit {

  private static final Pattern FULL =
      Pattern.compile("(?:(\\d+(?:\\.\\d+)?)h)?(?:(\\d+(?:\\.\\d+)?)m)?(?:(\\d+(?:\\.\\d+)?)s)?");
  private static final Pattern BARE = Pattern.compile("\\d+(?:\\.\\d+)?");

  private TimeLimit() {}

  /**
   * The duration of {@code text}.
   *
   * @throws IllegalArgumentException with the message shown to the user for malformed or
   *     non-positive values
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    double seconds;
    if (BARE.matcher(t).matches()) {
      seconds = Double.parseDouble(t);
    } else {
      Matcher m = FULL.matcher(t);
      if (t.isEmpty() || !m.matches()) {
        throw bad(text);
      }
      seconds = part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3));
    }
    if (!(seconds > 0)) {
      throw bad(text);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static double part(String g) {
    return g == null ? 0 : Double.parseDouble(g);
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException("invalid --time-limit '" + text
        + "': expected a positive duration such as 90s, 10m, 2h or 1h30m");
  }

  /** {@code 1h02m03s}-style rendering for messages. */
  public static String format(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "?";
    }
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(java.util.Locale.ROOT, "%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60);
  }
}
