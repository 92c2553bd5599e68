package org.gmmvi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.7: commands are quiet by default; the kernel backend's INFO line (300 characters of
 * routing) appears only with {@code --verbose}, FINE details only with {@code --debug}.
 */
class LoggingTest {

  private static final Logger KERNELS = Logger.getLogger("org.gmmvi.kernels.KernelProvider");

  @AfterEach
  void restore() {
    Main.configureLogging(false, false);
  }

  @Test
  void infoIsHiddenByDefaultAndShownWithVerbose() {
    assertThat(CliTestSupport.run("list", "codewords").code()).isZero();
    assertThat(KERNELS.isLoggable(Level.INFO)).isFalse();
    assertThat(KERNELS.isLoggable(Level.WARNING)).isTrue();

    assertThat(CliTestSupport.run("list", "codewords", "--verbose").code()).isZero();
    assertThat(KERNELS.isLoggable(Level.INFO)).isTrue();
    assertThat(KERNELS.isLoggable(Level.FINE)).isFalse();

    assertThat(CliTestSupport.run("list", "codewords", "--debug").code()).isZero();
    assertThat(KERNELS.isLoggable(Level.FINE)).isTrue();
  }
}
