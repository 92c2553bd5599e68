package org.gmmvi.problems.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing and error reporting of {@link NumericTable}. */
class NumericTableTest {

  @Test
  void readsCommentedCsvWithHeaderPlainAndGzipped(@TempDir Path dir) throws Exception {
    String text = "# a comment\n# shape 2 x 3\na,b,c\n1,2.5,-3e-2\n4,5,6\n";
    Path plain = Files.writeString(dir.resolve("t.csv"), text);
    Path gz = dir.resolve("t.csv.gz");
    Files.write(gz, gzip(text));
    for (Path p : new Path[] {plain, gz}) {
      NumericTable t = NumericTable.readCsv(p).requireShape(2, 3);
      assertThat(t.header()).containsExactly("a", "b", "c");
      assertThat(t.data()).containsExactly(1, 2.5, -0.03, 4, 5, 6);
      assertThat(t.row(1)).containsExactly(4, 5, 6);
    }
  }

  @Test
  void readsWhitespaceTables(@TempDir Path dir) throws Exception {
    Path p = Files.writeString(dir.resolve("w.data"), "  1   2\t3\n4 5 6  \n\n");
    assertThat(NumericTable.readWhitespace(p).requireShape(2, 3).get(1, 2)).isEqualTo(6.0);
  }

  @Test
  void malformedFilesNameFileAndLine(@TempDir Path dir) throws Exception {
    Path cols = Files.writeString(dir.resolve("cols.csv"), "# c\na,b\n1,2\n3\n");
    assertThatThrownBy(() -> NumericTable.readCsv(cols)).isInstanceOf(DataFormatException.class)
        .hasMessageContaining("cols.csv line 4").hasMessageContaining("expected 2 columns");
    Path nan = Files.writeString(dir.resolve("nan.csv"), "a,b\n1,x2\n");
    assertThatThrownBy(() -> NumericTable.readCsv(nan)).isInstanceOf(DataFormatException.class)
        .hasMessageContaining("nan.csv line 2 column 2").hasMessageContaining("'x2'");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "# only\na,b\n");
    assertThatThrownBy(() -> NumericTable.readCsv(empty)).isInstanceOf(DataFormatException.class)
        .hasMessageContaining("no data rows");
    byte[] full = gzip("a,b\n" + "1,2\n".repeat(2000));
    Path truncated = dir.resolve("trunc.csv.gz");
    Files.write(truncated, Arrays.copyOf(full, full.length / 2));
    assertThatThrownBy(() -> NumericTable.readCsv(truncated))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("trunc.csv.gz")
        .hasMessageContaining("truncated");
    Path shape = Files.writeString(dir.resolve("shape.csv"), "a\n1\n");
    assertThatThrownBy(() -> NumericTable.readCsv(shape).requireShape(10, 1))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("expected 10 rows");
    assertThatThrownBy(() -> NumericTable.readCsv(dir.resolve("missing.csv")))
        .isInstanceOf(DataMissingException.class).hasMessageContaining("missing.csv");
  }

  private static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
