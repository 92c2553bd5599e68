package org.gmmvi.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Codeword parsing (ALGORITHM.md §3.1, §3.2: one letter per position, canonical order). */
class CodewordTest {

  @Test
  void all432CodewordsRoundTripThroughLettersAndTypeStrings() {
    List<Codeword> all = Codeword.all();
    assertThat(all).hasSize(432);
    Set<String> seen = new HashSet<>();
    for (Codeword cw : all) {
      String s = cw.toCodeword();
      assertThat(seen.add(s)).as("duplicate %s", s).isTrue();
      assertThat(Codeword.parse(s)).isEqualTo(cw);
      assertThat(Codeword.parse(s.toLowerCase())).isEqualTo(cw);
      // the reference's type strings map back to the same options
      assertThat(GmmviConfig.codewordFromTypes(cw.defaults())).isEqualTo(cw);
    }
  }

  @Test
  void namedCodewordsMapToTheReferenceTypeStrings() {
    Codeword c = Codeword.parse("SAMTRON");
    assertThat(c.ngEstimator().typeString()).isEqualTo("Stein");
    assertThat(c.componentAdaptation().typeString()).isEqualTo("adaptive");
    assertThat(c.sampleSelector().typeString()).isEqualTo("component-based");
    assertThat(c.componentUpdater().typeString()).isEqualTo("trust-region");
    assertThat(c.componentStepsize().typeString()).isEqualTo("improvement-based");
    assertThat(c.weightUpdater().typeString()).isEqualTo("trust-region");
    assertThat(c.weightStepsize().typeString()).isEqualTo("improvement_based");
    Codeword z = Codeword.parse("ZAMTRUX");
    assertThat(z.ngEstimator()).isEqualTo(NgEstimatorType.MORE);
    assertThat(Codeword.parse("SEPIFUX").componentUpdater()).isEqualTo(ComponentUpdaterType.DIRECT);
    assertThat(Codeword.parse("SEPYFUX").componentUpdater()).isEqualTo(ComponentUpdaterType.IBLR);
  }

  @Test
  void weightStepAcceptsTheHyphenatedAliasSection613() {
    assertThat(ModulePosition.WEIGHT_STEPSIZE.byTypeString("improvement-based"))
        .isEqualTo(WeightStepsizeType.IMPROVEMENT_BASED);
    assertThat(ModulePosition.WEIGHT_STEPSIZE.byTypeString("improvement_based"))
        .isEqualTo(WeightStepsizeType.IMPROVEMENT_BASED);
    // the component step size accepts only the reference's hyphenated string
    assertThat(ModulePosition.COMPONENT_STEPSIZE.byTypeString("improvement_based")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "SAMTRO|has 6 letters, expected 7 (the letter for position 7 (WeightStepsizeAdaptation",
      "SMTRON|position 2 (ComponentAdaptation",
      "SAMTRONX|extra letters after position 7",
      "QAMTRON|letter 'Q' at position 1 (NgEstimator: Z = \"MORE\", S = \"Stein\") is not allowed; allowed letters: Z or S",
      "SSMTRON|'S' belongs to position 1 (NgEstimator",
      "ASMTRON|letter 'A' at position 1",
      "SAMTROO|allowed letters: X, G or N ('O' belongs to position 6 (WeightUpdater",
      "SAMRTON|letter 'R' at position 4 (NgBasedComponentUpdater",
      "SAMTRNO|letters must be in canonical order",
      "SAMTRO1|letter '1' at position 7"})
  void rejectsMalformedCodewordsNamingThePosition(String word, String expected) {
    assertThatThrownBy(() -> Codeword.parse(word)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void rejectsEmptyAndNull() {
    assertThatThrownBy(() -> Codeword.parse("")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("empty codeword");
    assertThatThrownBy(() -> Codeword.parse(null)).isInstanceOf(ConfigException.class);
  }
}
