package org.gmmvi.problems.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution order and error messages of {@link DataDirectory}. */
class DataDirectoryTest {

  @Test
  void resolvesFlagThenEnvironmentThenPropertyThenHome(@TempDir Path dir) {
    Map<String, String> env = Map.of(DataDirectory.ENV_VARIABLE, dir.resolve("env").toString());
    Map<String, String> props = Map.of(DataDirectory.PROPERTY, dir.resolve("prop").toString(),
        DataDirectory.HOME_PROPERTY, dir.resolve("home").toString());
    assertThat(DataDirectory.resolve(dir.resolve("flag").toString(), env, props::get).root())
        .isEqualTo(dir.resolve("flag"));
    assertThat(DataDirectory.resolve(null, env, props::get).root()).isEqualTo(dir.resolve("env"));
    assertThat(DataDirectory.resolve(" ", Map.of(), props::get).root())
        .isEqualTo(dir.resolve("prop"));
    DataDirectory home = DataDirectory.resolve(null, Map.of(),
        k -> k.equals(DataDirectory.HOME_PROPERTY) ? dir.resolve("home").toString() : null);
    assertThat(home.root()).isEqualTo(dir.resolve("shared").resolve("data"));
    assertThat(home.source()).contains(DataDirectory.HOME_PROPERTY);
  }

  @Test
  void missingDirectoryAndMissingFileNameThePathAndTheVariable(@TempDir Path dir)
      throws Exception {
    DataDirectory absent = DataDirectory.of(dir.resolve("nope"));
    assertThat(absent.exists()).isFalse();
    assertThatThrownBy(() -> absent.file("datasets/x.csv"))
        .isInstanceOf(DataMissingException.class)
        .hasMessageContaining(dir.resolve("nope").toString())
        .hasMessageContaining("data directory not found")
        .hasMessageContaining("GMMVI_DATA");
    Files.createDirectories(dir.resolve("d"));
    DataDirectory present = DataDirectory.of(dir.resolve("d"));
    assertThatThrownBy(() -> present.file("targets/gmm20/seed1/means.csv"))
        .isInstanceOf(DataMissingException.class)
        .hasMessageContaining("targets/gmm20/seed1/means.csv")
        .hasMessageContaining("GMMVI_DATA");
  }
}
