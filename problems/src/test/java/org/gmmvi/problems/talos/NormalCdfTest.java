package org.gmmvi.problems.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Stable log Φ and φ/Φ (PROBLEMS.md §1). */
class NormalCdfTest {

  /**
   * Reference values {z, log Φ(z), φ(z)/Φ(z)} computed with mpmath 1.3 with 80 significant digits
   * ({@code mp.log(mp.ncdf(z))}, {@code mp.npdf(z)/mp.ncdf(z)}), on both sides of the method switch at
   * |z| = 3 and deep in the tails.
   */
  private static final double[][] REFERENCE = {
      {-40, -804.60844201375378817, 40.024968847207263723},
      {-10, -53.231285150512470578, 10.098093233962511963},
      {-5, -15.064998393988725736, 5.1865039671258421156},
      {-3.0000001, -6.6077265498202191462, 3.2830987478745178336},
      {-3, -6.6077262215103495433, 3.2830986549304365069},
      {-1.96, -3.6889636517296386186, 2.3378346051512177093},
      {-0.5, -1.1759117615936186089, 1.1410777703680644809},
      {0, -0.69314718055994530942, 0.79788456080286535588},
      {1, -0.17275377902344988953, 0.28759997093917836123},
      {2.9999999, -0.0013508104085321639512, 0.004437840375446994186},
      {3.0000001, -0.0013508095209643569786, 0.004437837708804690202},
      {5, -2.8665161296376359338e-7, 1.4867199409049057124e-6},
      {10, -7.619853024160526066e-24, 7.6945986267064193463e-23},
  };

  @Test
  void matchesHighPrecisionReferenceValues() {
    for (double[] r : REFERENCE) {
      assertThat(NormalCdf.logPhi(r[0])).as("log Phi(%s)", r[0])
          .isCloseTo(r[1], within(1e-13 * Math.abs(r[1])));
      assertThat(NormalCdf.dLogPhi(r[0])).as("phi/Phi(%s)", r[0])
          .isCloseTo(r[2], within(1e-13 * Math.abs(r[2])));
      double[] d = new double[1];
      assertThat(NormalCdf.logPhi(r[0], d, 0)).isEqualTo(NormalCdf.logPhi(r[0]));
      assertThat(d[0]).isEqualTo(NormalCdf.dLogPhi(r[0]));
    }
  }

  @Test
  void derivativeMatchesFiniteDifferencesAndTailsAreStable() {
    for (double z = -60; z <= 12; z += 0.37) {
      double h = 1e-5 * Math.max(1, Math.abs(z));
      double fd = (NormalCdf.logPhi(z + h) - NormalCdf.logPhi(z - h)) / (2 * h);
      assertThat(NormalCdf.dLogPhi(z)).as("z=%s", z)
          .isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
    }
    assertThat(NormalCdf.logPhi(-1e4)).isCloseTo(-5e7 - Math.log(1e4) - 0.5 * Math.log(2 * Math.PI),
        within(1e-6));
    assertThat(NormalCdf.dLogPhi(-1e4)).isCloseTo(1e4, within(1e-3));
    assertThat(NormalCdf.logPhi(40)).isEqualTo(-0.0);
    assertThat(NormalCdf.logPhi(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NormalCdf.logPhi(Double.NaN)).isNaN();
  }
}
