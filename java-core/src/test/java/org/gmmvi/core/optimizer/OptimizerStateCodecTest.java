package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.gmmvi.core.target.Target;
import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.KernelProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The binary format stays readable: states written by main at 7cc8338, before the format moved into
 * {@link OptimizerStateCodec} (resources {@code main-7cc8338/}, provenance in their README), are
 * read, written back byte-identically, reproduced bit for bit by this build, and resumed.
 */
class OptimizerStateCodecTest {

  static final String FIXED_K = """
      model_initialization: {num_initial_components: 3, prior_mean: 0.0, prior_scale: 6.0,
        initial_cov: 36.0}
      """;

  /** The generator's configuration of each resource (see the resources' README). */
  static GmmviOptimizer.Builder builder(String cw) {
    GmmviOptimizer.Builder b = GmmviOptimizer.builder().codeword(cw)
        .yaml(cw.equals("SEPYFUX") ? FIXED_K : MultiModalTest.YAML).target(target(cw)).seed(21)
        .threads(1);
    return cw.equals("SAMTRON") ? b.yaml(SaveRestoreTest.PRIOR) : b;
  }

  static Target target(String cw) {
    Target base = TestTargets.mixture(MultiModalTest.fourModes());
    return cw.equals("SAMTRON") ? TestTargets.noisy(base, 5) : base;
  }

  static byte[] resource(String cw) throws IOException {
    try (InputStream in = OptimizerStateCodecTest.class.getResourceAsStream(
        "main-7cc8338/" + cw + "-it6.state")) {
      assertThat(in).as("resource of %s", cw).isNotNull();
      return in.readAllBytes();
    }
  }

  static byte[] run(GmmviOptimizer.Builder b, int steps) {
    try (GmmviOptimizer opt = b.build()) {
      for (int i = 0; i < steps; i++) {
        opt.step();
      }
      return opt.saveState().toBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SAMTRON", "ZAMTRUX", "SEPYFUX"})
  void stateOfMainRoundTripsByteIdentically(String cw) throws IOException {
    byte[] main = resource(cw);
    OptimizerState s = OptimizerState.fromBytes(main);
    assertThat(s.codeword()).isEqualTo(cw);
    assertThat(s.iteration()).isEqualTo(6);
    assertThat(s.generators().target() != null).isEqualTo(cw.equals("SAMTRON"));
    assertThat(s.toBytes()).isEqualTo(main);
    assertThat(s.serializedSize()).isEqualTo(main.length);
  }

  /**
   * The resources were written with the auto backend, and restored models still take the
   * process-wide backend ({@code GmmModel.create}), so the byte comparisons hold only under auto
   * (the suite also runs with scalar, panama and openblas forced).
   */
  static void assumeAutoBackend() {
    assumeTrue(Backend.AUTO.id().equals(KernelProvider.requested()),
        "the resources were written with the auto backend");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SAMTRON", "ZAMTRUX", "SEPYFUX"})
  void thisBuildWritesTheSameBytesAsMain(String cw) throws IOException {
    assumeAutoBackend();
    assertThat(run(builder(cw), 6)).isEqualTo(resource(cw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SAMTRON", "ZAMTRUX", "SEPYFUX"})
  void stateOfMainResumesLikeAnUninterruptedRun(String cw) throws IOException {
    assumeAutoBackend();
    OptimizerState s = OptimizerState.fromBytes(resource(cw));
    assertThat(run(builder(cw).resume(s), 3)).isEqualTo(run(builder(cw), 9));
  }

  /**
   * Version 2 has the same layout as version 3 (it stored every gradient; a full array is a window
   * covering the database), so main's bytes relabelled as version 2, with their checksum redone,
   * are a valid version-2 state: it is read and written back as the version-3 original.
   */
  @ParameterizedTest
  @ValueSource(strings = {"SAMTRON", "ZAMTRUX"})
  void versionTwoIsStillRead(String cw) throws IOException {
    byte[] v3 = resource(cw);
    byte[] v2 = v3.clone();
    ByteBuffer buf = ByteBuffer.wrap(v2);
    assertThat(buf.getInt(8)).isEqualTo(3);
    buf.putInt(8, 2);
    CRC32 crc = new CRC32();
    crc.update(v2, 0, v2.length - 8);
    buf.putLong(v2.length - 8, crc.getValue());
    OptimizerState s = OptimizerState.fromBytes(v2);
    assertThat(s.toBytes()).isEqualTo(v3);
  }
}
