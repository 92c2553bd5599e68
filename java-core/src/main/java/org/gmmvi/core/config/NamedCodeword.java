package org.gmmvi.core.config;

/** The codewords with a name in the paper (ALGORITHM.md §3.1), in the order they are listed. */
public enum NamedCodeword {
  SAMTRON("the paper's recommendation"),
  SAMYRON("compared in the paper's Experiment 3"),
  ZAMTRUX("VIPS (Arenz et al.)"),
  SEPIFUX("iBayes-GMM with a direct step (Lin et al.)"),
  SEPYFUX("iBayes-GMM with the iBLR (Lin et al.)");

  private final String description;

  NamedCodeword(String description) {
    this.description = description;
  }

  /** The codeword, e.g. {@code SAMTRON}. */
  public Codeword codeword() {
    return Codeword.parse(name());
  }

  /** What the codeword stands for. */
  public String description() {
    return description;
  }
}
