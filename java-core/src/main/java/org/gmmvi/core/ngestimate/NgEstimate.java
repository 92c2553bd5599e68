package org.gmmvi.core.ngestimate;

/**
 * Natural-gradient estimates for every component (ALGORITHM.md §1.1, §2.1), with flipped signs:
 * {@code Rneg_o ≈ −E_{q(x|o)}[∇²f]} and {@code gneg_o ≈ −E_{q(x|o)}[∇f]}, {@code f = log p̃ − log q}.
 *
 * @param k        number of components
 * @param d        dimension
 * @param diagonal whether {@code rneg} holds only diagonals
 * @param rneg     {@code K × D × D} (full, symmetric) or {@code K × D} (diagonal), row-major
 * @param gneg     {@code K × D}
 */
public record NgEstimate(int k, int d, boolean diagonal, double[] rneg, double[] gneg) {

  /** Offset of component {@code o}'s {@code Rneg} in {@link #rneg()}. */
  public int rnegOffset(int o) {
    return o * (diagonal ? d : d * d);
  }

  /** Offset of component {@code o}'s {@code gneg} in {@link #gneg()}. */
  public int gnegOffset(int o) {
    return o * d;
  }
}
