package org.gmmvi.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeLimitTest {

  @Test
  void parsesUnits() {
    assertThat(TimeLimit.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(TimeLimit.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(TimeLimit.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimeLimit.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimeLimit.parse("45")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void rejectsMalformedValues() {
    for (String bad : new String[] {"10x", "", "m", "0s", "-5m", "5m1h"}) {
      assertThatThrownBy(() -> TimeLimit.parse(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("invalid --time-limit '" + bad
              + "': expected a positive duration such as 90s, 10m, 2h or 1h30m");
    }
  }

  @Test
  void formatsDurations() {
    assertThat(TimeLimit.format(5)).isEqualTo("5s");
    assertThat(TimeLimit.format(125)).isEqualTo("2m05s");
    assertThat(TimeLimit.format(3725)).isEqualTo("1h02m05s");
  }
}
