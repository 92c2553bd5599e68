package org.gmmvi.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The design-choice tables (ALGORITHM.md §3.1, §3.3): complete, unambiguous and copied on read. */
class DesignChoiceTableTest {

  @Test
  void everyOptionHasAUniqueLetterTypeAndADescription() {
    Set<Character> letters = new HashSet<>();
    int options = 0;
    for (ModulePosition p : ModulePosition.values()) {
      Set<String> types = new HashSet<>();
      for (DesignChoice d : p.options()) {
        options++;
        // letters are unique over all positions: Codeword's error hints rely on it
        assertThat(letters.add(d.letter())).as("letter %s", d.letter()).isTrue();
        assertThat(types.add(d.typeString())).as("type %s", d.typeString()).isTrue();
        assertThat(d.description()).as("description of %s", d.letter()).isNotBlank();
        assertThat(p.byLetter(d.letter())).isSameAs(d);
        assertThat(p.byTypeString(d.typeString())).isSameAs(d);
      }
    }
    assertThat(options).isEqualTo(2 + 2 + 2 + 3 + 3 + 2 + 3);
    assertThat(Codeword.all()).hasSize(2 * 2 * 2 * 3 * 3 * 2 * 3);
  }

  @Test
  void aliasIsAcceptedOnlyWhereDeclared() {
    assertThat(ModulePosition.WEIGHT_STEPSIZE.byTypeString("improvement-based"))
        .isSameAs(WeightStepsizeType.IMPROVEMENT_BASED);
    assertThat(ModulePosition.COMPONENT_STEPSIZE.byTypeString("improvement_based")).isNull();
  }

  @Test
  void defaultsAreFreshCopies() {
    Map<String, Object> a = ComponentAdaptationType.ADAPTIVE.defaults();
    a.put("del_iters", 7);
    ((List<?>) a.get("thresholds_for_add_heuristic")).clear();
    Map<String, Object> b = ComponentAdaptationType.ADAPTIVE.defaults();
    assertThat(b.get("del_iters")).isEqualTo(100);
    assertThat((List<?>) b.get("thresholds_for_add_heuristic")).hasSize(6);
  }

  @Test
  void codewordDefaultsAreTheSevenRowsInCanonicalOrder() {
    Codeword cw = Codeword.parse("SAMTRON");
    Map<String, Object> m = cw.defaults();
    assertThat(m).hasSize(14);
    for (ModulePosition p : ModulePosition.values()) {
      assertThat(m.get(p.typeKey())).isEqualTo(cw.option(p).typeString());
      assertThat(m.get(p.configKey())).isEqualTo(cw.option(p).defaults());
    }
    assertThat(m.keySet().iterator().next()).isEqualTo("ng_estimator_type");
  }

  @Test
  void namedCodewordsParse() {
    assertThat(NamedCodeword.values()).extracting(n -> n.codeword().toCodeword())
        .containsExactly("SAMTRON", "SAMYRON", "ZAMTRUX", "SEPIFUX", "SEPYFUX");
    for (NamedCodeword n : NamedCodeword.values()) {
      assertThat(n.description()).isNotBlank();
    }
  }
}
