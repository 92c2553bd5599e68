package org.gmmvi.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void writesAndReplacesContent() throws IOException {
    Path f = dir.resolve("sub/a.txt");
    AtomicFiles.writeString(f, "first");
    AtomicFiles.writeString(f, "second");
    assertThat(Files.readString(f)).isEqualTo("second");
    assertThat(listing(f.getParent())).containsExactly("a.txt");
  }

  @Test
  void failureHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path f = dir.resolve("final.json");
    AtomicFiles.writeString(f, "{\"old\": true}");
    assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
      out.write("{\"new\": tr".getBytes(StandardCharsets.UTF_8));
      throw new IOException("simulated disk failure");
    })).isInstanceOf(IOException.class)
        .hasMessage("cannot write '" + f + "': simulated disk failure");
    assertThat(Files.readString(f)).isEqualTo("{\"old\": true}");
    assertThat(listing(dir)).containsExactly("final.json");
  }

  @Test
  void failureOnAFreshFileLeavesNothing() {
    Path f = dir.resolve("model.npz");
    assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
      out.write(new byte[1000]);
      throw new IllegalStateException("crash");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(listing(dir)).isEmpty();
  }

  private static java.util.List<String> listing(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A kill -9 during a write leaves {@code .NAME.<digits>.tmp}; a resume deletes only those. */
  @Test
  void staleTemporariesAreDeletedAndNothingElse() throws IOException {
    Path d = Files.createTempDirectory("atomic");
    for (String f : new String[] {".metrics.csv.17890070503937629359.tmp", "metrics.csv",
        ".hidden", "notes.tmp", ".model.npz.42.tmp"}) {
      Files.writeString(d.resolve(f), "x");
    }
    assertThat(AtomicFiles.deleteStaleTemporaries(d)).isEqualTo(2);
    try (var s = Files.list(d)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("metrics.csv", ".hidden", "notes.tmp");
    }
    assertThat(AtomicFiles.deleteStaleTemporaries(d.resolve("missing"))).isZero();
  }
}
