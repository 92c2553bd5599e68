package org.gmmvi.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NPY 1.0 layout of numpy's format specification (numpy.lib.format). */
class NpyTest {

  @TempDir
  Path dir;

  @Test
  void headerFollowsTheNpy10Layout() {
    byte[] b = Npy.toBytes(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertThat(Arrays.copyOf(b, 6)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y');
    assertThat(b[6]).isEqualTo((byte) 1);
    assertThat(b[7]).isEqualTo((byte) 0);
    int hlen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
    assertThat((10 + hlen) % 64).isZero();
    String header = new String(b, 10, hlen, StandardCharsets.US_ASCII);
    assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
    assertThat(header).endsWith("\n");
    assertThat(header.strip()).hasSize(header.indexOf('}') + 1);
    assertThat(b.length).isEqualTo(10 + hlen + 6 * 8);
    ByteBuffer data = ByteBuffer.wrap(b, 10 + hlen, 48).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 1; i <= 6; i++) {
      assertThat(data.getDouble()).isEqualTo(i);
    }
  }

  @Test
  void oneDimensionalShapeHasTrailingComma() {
    String h = new String(Npy.header(5), StandardCharsets.US_ASCII);
    assertThat(h).contains("'shape': (5,), }");
    assertThat(new String(Npy.header(2, 3, 3), StandardCharsets.US_ASCII))
        .contains("'shape': (2, 3, 3), }");
  }

  @Test
  void shapeMustMatchData() {
    assertThatThrownBy(() -> Npy.toBytes(new double[5], 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape [2, 3] holds 6 values but the array has 5");
  }

  @Test
  void npzIsAZipOfStoredNpyEntries() throws IOException {
    Map<String, Npy.Array> a = Npy.arrays();
    a.put("weights", new Npy.Array(new double[] {0.25, 0.75}, 2));
    a.put("means", new Npy.Array(new double[] {1, 2, 3, 4}, 2, 2));
    byte[] zip = Npy.npzBytes(a);
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
        assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
        byte[] content = in.readAllBytes();
        assertThat(Arrays.copyOf(content, 6)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y');
      }
    }
    assertThat(names).containsExactly("weights.npy", "means.npy");
  }

  /** Optional cross-check with numpy itself; skipped when python3 with numpy is unavailable. */
  @Test
  void numpyLoadsTheArchive() throws Exception {
    Map<String, Npy.Array> a = Npy.arrays();
    a.put("weights", new Npy.Array(new double[] {0.25, 0.75}, 2));
    a.put("covs", new Npy.Array(new double[] {1, 0.5, 0.5, 2, 3, 0, 0, 4}, 2, 2, 2));
    Path f = dir.resolve("m.npz");
    Files.write(f, Npy.npzBytes(a));
    String script = "import numpy as np; d = np.load(r'" + f + "');"
        + "print(d['weights'].dtype, d['weights'].shape, d['covs'].shape, d['covs'][0,1,0],"
        + " d['covs'][1,1,1], d['weights'].flags['C_CONTIGUOUS'])";
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "python3 not available");
      return;
    }
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assumeTrue(p.exitValue() == 0 || !out.contains("No module named"), "numpy not installed");
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).isEqualTo("float64 (2,) (2, 2, 2) 0.5 4.0 True");
  }
}
