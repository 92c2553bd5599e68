package org.gmmvi.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.gmmvi.cli.Main;

/** Runs the command line in-process (picocli entry point) and captures its streams. */
final class Cli {

  private Cli() {}

  /** Exit code and captured stdout / stderr of one invocation. */
  record Result(int code, String out, String err) {

    /** The first line of stderr (the one message of a user error). */
    String firstLine() {
      return err.lines().findFirst().orElse("");
    }

    /**
     * Exit code {@code code}, first stderr line {@code line}, and no stack trace (the exact line
     * may name the exception a user target threw).
     */
    Result expect(int expectedCode, String line) {
      assertThat(code).as(err).isEqualTo(expectedCode);
      assertThat(firstLine()).isEqualTo(line);
      assertThat(err).doesNotContain("\tat ").doesNotContain("Caused by");
      return this;
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** File name → bytes of every regular file in {@code dir} (empty map if there is none). */
  static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return m;
    }
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p)) {
          m.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
      }
    }
    return m;
  }
}
