package org.gmmvi.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seven-letter codeword naming one of the 432 GMMVI variants (ALGORITHM.md §3.1), e.g.
 * {@code SAMTRON}. Letters are in the canonical order of {@link ModulePosition}: NgEstimator,
 * ComponentAdaptation, SampleSelector, NgBasedComponentUpdater, ComponentStepsizeAdaptation,
 * WeightUpdater, WeightStepsizeAdaptation.
 */
public record Codeword(NgEstimatorType ngEstimator, ComponentAdaptationType componentAdaptation,
    SampleSelectorType sampleSelector, ComponentUpdaterType componentUpdater,
    ComponentStepsizeType componentStepsize, WeightUpdaterType weightUpdater,
    WeightStepsizeType weightStepsize) {

  /** Number of letters. */
  public static final int LENGTH = 7;

  public Codeword {
    if (ngEstimator == null || componentAdaptation == null || sampleSelector == null
        || componentUpdater == null || componentStepsize == null || weightUpdater == null
        || weightStepsize == null) {
      throw new ConfigException("a codeword needs an option for each of the seven positions");
    }
  }

  /**
   * Parses a codeword: exactly one letter per position, in canonical order (case-insensitive, as the
   * reference upper-cases). Wrong length, unknown letters, letters of another position (duplicates or
   * swapped order) and missing letters are rejected with a message naming the position and its
   * allowed letters.
   *
   * @throws ConfigException on any error
   */
  public static Codeword parse(String s) {
    if (s == null || s.isBlank()) {
      throw new ConfigException("empty codeword; expected " + LENGTH + " letters, one per "
          + "position: " + positionsHelp());
    }
    String w = s.strip();
    if (w.length() != LENGTH) {
      throw new ConfigException("codeword '" + w + "' has " + w.length() + " letters, expected "
          + LENGTH + lengthHint(w) + "; the positions are: " + positionsHelp());
    }
    DesignChoice[] picked = new DesignChoice[LENGTH];
    ModulePosition[] pos = ModulePosition.values();
    for (int i = 0; i < LENGTH; i++) {
      char c = w.charAt(i);
      DesignChoice d = pos[i].byLetter(c);
      if (d == null) {
        throw new ConfigException("codeword '" + w + "': letter '" + c + "' at "
            + pos[i].describe() + " is not allowed; allowed letters: " + pos[i].allowedLetters()
            + otherPositionHint(c, i));
      }
      picked[i] = d;
    }
    return new Codeword((NgEstimatorType) picked[0], (ComponentAdaptationType) picked[1],
        (SampleSelectorType) picked[2], (ComponentUpdaterType) picked[3],
        (ComponentStepsizeType) picked[4], (WeightUpdaterType) picked[5],
        (WeightStepsizeType) picked[6]);
  }

  private static String otherPositionHint(char c, int at) {
    for (ModulePosition p : ModulePosition.values()) {
      if (p.ordinal() != at && p.byLetter(c) != null) {
        return " ('" + Character.toUpperCase(c) + "' belongs to " + p.describe()
            + (p.ordinal() < at ? ", which is already set: duplicate letter or wrong order)"
                : ": letters must be in canonical order, or a letter is missing)");
      }
    }
    return "";
  }

  /** For a codeword of the wrong length: which position's letter is missing or extra. */
  private static String lengthHint(String w) {
    ModulePosition[] pos = ModulePosition.values();
    int i = 0;
    while (i < Math.min(w.length(), LENGTH) && pos[i].byLetter(w.charAt(i)) != null) {
      i++;
    }
    if (w.length() < LENGTH && i < LENGTH) {
      return " (the letter for " + pos[i].describe() + " seems to be missing)";
    }
    if (w.length() > LENGTH && i == LENGTH) {
      return " (extra letters after position " + LENGTH + ": '" + w.substring(LENGTH) + "')";
    }
    return "";
  }

  private static String positionsHelp() {
    StringBuilder sb = new StringBuilder();
    for (ModulePosition p : ModulePosition.values()) {
      if (!sb.isEmpty()) {
        sb.append("; ");
      }
      sb.append(p.describe());
    }
    return sb.toString();
  }

  /** The option at {@code position}. */
  public DesignChoice option(ModulePosition position) {
    return switch (position) {
      case NG_ESTIMATOR -> ngEstimator;
      case COMPONENT_ADAPTATION -> componentAdaptation;
      case SAMPLE_SELECTOR -> sampleSelector;
      case COMPONENT_UPDATER -> componentUpdater;
      case COMPONENT_STEPSIZE -> componentStepsize;
      case WEIGHT_UPDATER -> weightUpdater;
      case WEIGHT_STEPSIZE -> weightStepsize;
    };
  }

  /** The codeword whose options are {@code options[0..6]} in canonical order. */
  public static Codeword of(DesignChoice... options) {
    if (options.length != LENGTH) {
      throw new ConfigException("need " + LENGTH + " options, got " + options.length);
    }
    StringBuilder sb = new StringBuilder();
    for (DesignChoice d : options) {
      sb.append(d.letter());
    }
    return parse(sb.toString());
  }

  /** All 432 codewords, in lexicographic order of the option enums. */
  public static List<Codeword> all() {
    List<Codeword> out = new ArrayList<>(432);
    for (NgEstimatorType a : NgEstimatorType.values()) {
      for (ComponentAdaptationType b : ComponentAdaptationType.values()) {
        for (SampleSelectorType c : SampleSelectorType.values()) {
          for (ComponentUpdaterType d : ComponentUpdaterType.values()) {
            for (ComponentStepsizeType e : ComponentStepsizeType.values()) {
              for (WeightUpdaterType f : WeightUpdaterType.values()) {
                for (WeightStepsizeType g : WeightStepsizeType.values()) {
                  out.add(new Codeword(a, b, c, d, e, f, g));
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The merged module defaults of the seven options (ALGORITHM.md §3.3): the seven
   * {@code …_type}/{@code …_config} pairs, in canonical order (a fresh, mutable map).
   */
  public Map<String, Object> defaults() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ModulePosition p : ModulePosition.values()) {
      DesignChoice o = option(p);
      out.put(p.typeKey(), o.typeString());
      out.put(p.configKey(), o.defaults());
    }
    return out;
  }

  /** The seven letters, e.g. {@code "SAMTRON"}. */
  public String toCodeword() {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (ModulePosition p : ModulePosition.values()) {
      sb.append(option(p).letter());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return toCodeword();
  }
}
