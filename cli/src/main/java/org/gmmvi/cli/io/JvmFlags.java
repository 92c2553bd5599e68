package org.gmmvi.cli.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags every gmmvi JVM needs ({@code --add-modules jdk.incubator.vector},
 * {@code --enable-native-access=ALL-UNNAMED}, ...), for code that starts child JVMs. Their one
 * source is the {@code gmmvi.jvm.flags} line of {@code .mvn/maven.config}; the build copies it
 * into the resource {@code jvm-flags.txt} beside this class, the launcher and the ci scripts read
 * it through {@code ci/java-env.sh}, and surefire's {@code argLine} through the Maven property.
 */
public final class JvmFlags {

  private JvmFlags() {}

  /** The flags, one argument per element, in the order of {@code .mvn/maven.config}. */
  public static List<String> get() {
    try (InputStream in = JvmFlags.class.getResourceAsStream("jvm-flags.txt")) {
      if (in == null) {
        throw new IllegalStateException("jvm-flags.txt missing from the class path (build the cli"
            + " module with Maven)");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (text.isEmpty() || text.contains("${")) {
        throw new IllegalStateException("jvm-flags.txt was not filtered by the build: '" + text
            + "'");
      }
      return List.copyOf(Arrays.asList(text.split("\\s+")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
