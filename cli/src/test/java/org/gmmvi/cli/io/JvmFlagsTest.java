package org.gmmvi.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM flags have one source, {@code .mvn/maven.config}, and every consumer sees it. */
class JvmFlagsTest {

  /** The flags of the {@code -Dgmmvi.jvm.flags=} line of the project's .mvn/maven.config. */
  private static List<String> source() throws IOException {
    Path config = Path.of("").toAbsolutePath().getParent().resolve(".mvn/maven.config");
    String prefix = "-Dgmmvi.jvm.flags=";
    String line = Files.readAllLines(config).stream().filter(l -> l.startsWith(prefix))
        .findFirst().orElseThrow().substring(prefix.length());
    return Arrays.asList(line.strip().split("\\s+"));
  }

  @Test
  void theJarResourceHoldsTheFlagsOfMavenConfig() throws IOException {
    assertThat(JvmFlags.get()).isEqualTo(source())
        .contains("--enable-native-access=ALL-UNNAMED");
  }

  @Test
  void thisTestJvmWasStartedWithThem() throws IOException {
    // surefire's argLine is ${gmmvi.jvm.flags}; "--add-modules X" shows up as "--add-modules=X"
    String args = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
    assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
    for (String flag : source()) {
      if (!flag.startsWith("--add-modules") && !flag.equals("jdk.incubator.vector")) {
        assertThat(args).contains(flag);
      }
    }
  }
}
