package org.gmmvi.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

  @TempDir
  Path dir;

  private static Map<String, Object> row(int it, double v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iteration", it);
    m.put("neg_elbo", v);
    return m;
  }

  @Test
  void appendsRowsAndResumeTruncatesToTheCheckpoint() throws IOException {
    Path f = dir.resolve("metrics.csv");
    MetricsCsv m = MetricsCsv.create(f);
    for (int it = 10; it <= 50; it += 10) {
      m.append(row(it, it * 0.5));
    }
    assertThat(Files.readAllLines(f)).hasSize(6).first().isEqualTo("iteration,neg_elbo");
    MetricsCsv r = MetricsCsv.resume(f, 30);
    assertThat(r.column("iteration")).containsExactly(10, 20, 30);
    r.append(row(40, 20.0));
    assertThat(Files.readAllLines(f)).containsExactly("iteration,neg_elbo", "10,5.0", "20,10.0",
        "30,15.0", "40,20.0");
  }

  @Test
  void columnsMustStayTheSame() throws IOException {
    MetricsCsv m = MetricsCsv.create(dir.resolve("x.csv"));
    m.append(row(1, 1));
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("iteration", 2);
    assertThatThrownBy(() -> m.append(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ from the header");
  }
}
