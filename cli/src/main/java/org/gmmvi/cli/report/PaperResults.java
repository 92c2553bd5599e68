package org.gmmvi.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paper's published Experiment-3 numbers (PAPER-RESULTS.md), loaded from the resources
 * {@code paper-results.tsv} (final −ELBO, mean ± 3·SE) and {@code paper-secondary.tsv} (secondary
 * metrics quoted in the text). The resource files state their provenance in their header.
 */
public final class PaperResults {

  /**
   * One cell of the paper's −ELBO table.
   *
   * @param halfWidth 3·SE, {@code NaN} when the paper gives no error bar
   * @param mean      {@code NaN} when the paper has no number (then {@code note} says why)
   */
  public record Entry(String problem, String limit, String codeword, double mean, double halfWidth,
      int n, String note) {

    /** The cell as the paper prints it. */
    public String display() {
      if (Double.isNaN(mean)) {
        return note.isEmpty() ? "—" : note;
      }
      String s = String.format(java.util.Locale.ROOT, "%.2f", mean);
      if (!Double.isNaN(halfWidth)) {
        s += String.format(java.util.Locale.ROOT, " ± %.2f", halfWidth);
      }
      return n != 10 ? s + " (n=" + n + ")" : s;
    }
  }

  /** A secondary metric quoted in the paper's text. */
  public record Secondary(String problem, String codeword, String metric, String value) {}

  private static final PaperResults INSTANCE = load();

  private final List<Entry> entries;
  private final List<Secondary> secondary;

  private PaperResults(List<Entry> entries, List<Secondary> secondary) {
    this.entries = entries;
    this.secondary = secondary;
  }

  /** The table shipped with the runner. */
  public static PaperResults get() {
    return INSTANCE;
  }

  /** All −ELBO cells. */
  public List<Entry> entries() {
    return entries;
  }

  /** The −ELBO cell for {@code problem} and {@code codeword}, if the paper has that run. */
  public Optional<Entry> negElbo(String problem, String codeword) {
    return entries.stream()
        .filter(e -> e.problem().equals(problem) && e.codeword().equals(codeword)).findFirst();
  }

  /** The quoted secondary value, if any. */
  public Optional<Secondary> secondary(String problem, String codeword) {
    return secondary.stream()
        .filter(e -> e.problem().equals(problem) && e.codeword().equals(codeword)).findFirst();
  }

  /** The paper's wall-clock limit and cores for {@code problem}, or empty. */
  public Optional<String> limit(String problem) {
    return entries.stream().filter(e -> e.problem().equals(problem)).map(Entry::limit).findFirst();
  }

  private static PaperResults load() {
    List<Entry> e = new ArrayList<>();
    for (String[] c : rows("paper-results.tsv")) {
      e.add(new Entry(c[0], c[1], c[2], number(c, 3), number(c, 4),
          c.length > 5 && !c[5].isEmpty() ? Integer.parseInt(c[5]) : 0, c.length > 6 ? c[6] : ""));
    }
    List<Secondary> s = new ArrayList<>();
    for (String[] c : rows("paper-secondary.tsv")) {
      s.add(new Secondary(c[0], c[1], c[2], c[3]));
    }
    return new PaperResults(List.copyOf(e), List.copyOf(s));
  }

  private static double number(String[] c, int i) {
    return c.length > i && !c[i].isEmpty() ? Double.parseDouble(c[i]) : Double.NaN;
  }

  private static List<String[]> rows(String resource) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = PaperResults.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " missing from the cli jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t", -1));
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out;
  }
}
