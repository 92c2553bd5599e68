package org.gmmvi.cli.usertarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.core.target.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a user target from a jar that is not on the runner's class path. */
class UserTargetLoaderTest {

  @TempDir
  static Path dir;

  private static Path jar;

  /** {@code com.example.Bowl} (D = 3, no-arg constructor) compiled into a jar, once. */
  private static synchronized Path userJar() throws IOException {
    if (jar == null) {
      jar = compileJar();
    }
    return jar;
  }

  private static Path compileJar() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assumeTrue(javac != null, "no system Java compiler");
    Path src = dir.resolve("src/com/example/Bowl.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, """
        package com.example;
        public class Bowl implements org.gmmvi.core.target.Target {
          public int dimension() { return 3; }
          public void evaluate(double[] x, int n, double[] lp, double[] g) {
            for (int i = 0; i < n; i++) {
              double s = 0;
              for (int j = 0; j < 3; j++) {
                s += x[i * 3 + j] * x[i * 3 + j];
                if (g != null) { g[i * 3 + j] = -x[i * 3 + j]; }
              }
              lp[i] = -0.5 * s;
            }
          }
        }
        """);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    String cp;
    try {
      cp = Path.of(Target.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, src.toString());
    assertThat(rc).isZero();
    Path out = dir.resolve("user.jar");
    try (OutputStream os = Files.newOutputStream(out); JarOutputStream j = new JarOutputStream(os);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
    }
    return out;
  }

  @Test
  void loadsAClassFromAJar() throws IOException {
    Target t = UserTargetLoader.load("com.example.Bowl", userJar().toString(), 5L);
    assertThat(t.dimension()).isEqualTo(3);
    double[] lp = new double[1];
    t.evaluate(new double[] {1, 2, 2}, 1, lp, null);
    assertThat(lp[0]).isEqualTo(-4.5);
    assertThat(t.getClass().getClassLoader()).isNotSameAs(Target.class.getClassLoader());
  }

  @Test
  void namesWhatIsWrong() throws IOException {
    Path jar = userJar();
    assertThatThrownBy(() -> UserTargetLoader.load("com.example.Cup", jar.toString(), 0L))
        .isInstanceOf(UsageException.class)
        .hasMessage("user target class 'com.example.Cup' not found on --classpath " + jar);
    Path missing = dir.resolve("missing.jar");
    assertThatThrownBy(() -> UserTargetLoader.load("com.example.Bowl", missing.toString(), 0L))
        .isInstanceOf(UsageException.class)
        .hasMessage("--classpath entry '" + missing + "' does not exist");
    assertThatThrownBy(() -> UserTargetLoader.load(String.class.getName(), null, 0L))
        .hasMessage("class 'java.lang.String' does not implement org.gmmvi.core.target.Target");
    assertThatThrownBy(() -> UserTargetLoader.load(NoUsableConstructor.class.getName(), null, 0L))
        .hasMessage("class '" + NoUsableConstructor.class.getName() + "' needs a public"
            + " constructor taking (long seed) or a public no-argument constructor");
  }

  /** A Target whose only constructor takes a String. */
  public static final class NoUsableConstructor implements Target {
    /** Not usable by the loader. */
    public NoUsableConstructor(String s) {}

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public void evaluate(double[] x, int n, double[] logDensity, double[] gradient) {}
  }
}
