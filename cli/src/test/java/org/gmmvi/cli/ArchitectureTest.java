package org.gmmvi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of the READMEs, checked on the main sources of every module of the
 * checkout: which package refers to which (imports and fully qualified names; comments and
 * string literals do not count).
 *
 * <ul>
 *   <li>Modules point one way (README.md): {@code kernels -> java-core -> problems -> cli};
 *       {@code benchmarks} may use all, nothing uses it.
 *   <li>The cli's packages form no cycle, the commands ({@code org.gmmvi.cli}) are used by no
 *       other cli package, and {@code org.gmmvi.cli.error} uses no other cli package
 *       (cli/README.md).
 *   <li>No new package cycles elsewhere: every cycle is inside one of {@link #KNOWN_CYCLES} (a
 *       ratchet: removing a cycle passes, adding one fails).
 * </ul>
 */
class ArchitectureTest {

  /** Layer of each top-level package prefix; a package may refer only to its layer or lower. */
  private static final Map<String, Integer> LAYERS = Map.of(
      "org.gmmvi.kernels", 0, "org.gmmvi.core", 1, "org.gmmvi.problems", 2,
      "org.gmmvi.cli", 3, "org.gmmvi.benchmarks", 4);

  /**
   * The package cycles of the modules below the cli when this test was written (package-level
   * registries and config tables that name their options); a cycle must stay inside one of them.
   */
  static final List<Set<String>> KNOWN_CYCLES = List.of(
      Set.of("org.gmmvi.kernels", "org.gmmvi.kernels.auto", "org.gmmvi.kernels.blas",
          "org.gmmvi.kernels.panama", "org.gmmvi.kernels.scalar"),
      Set.of("org.gmmvi.core.adaptation", "org.gmmvi.core.componentupdate",
          "org.gmmvi.core.config", "org.gmmvi.core.ngestimate", "org.gmmvi.core.optimizer",
          "org.gmmvi.core.sample", "org.gmmvi.core.weightupdate"),
      Set.of("org.gmmvi.problems", "org.gmmvi.problems.external", "org.gmmvi.problems.gmm",
          "org.gmmvi.problems.logreg", "org.gmmvi.problems.metrics", "org.gmmvi.problems.mixture",
          "org.gmmvi.problems.planar", "org.gmmvi.problems.stm"));

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(org\\.gmmvi(?:\\.[a-z_]\\w*)+)\\.(?:[A-Z]|\\*)");
  private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
      "(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");

  private static Map<String, Set<String>> graph;

  @BeforeAll
  static void scan() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs in cli/
    graph = dependencies(root);
    assertThat(graph).as("packages found under %s", root)
        .containsKeys("org.gmmvi.kernels", "org.gmmvi.core.optimizer", "org.gmmvi.problems",
            "org.gmmvi.cli.run", "org.gmmvi.benchmarks.perf");
  }

  /** Package → packages it refers to, over {@code root/<module>/src/main/java}. */
  static Map<String, Set<String>> dependencies(Path root) throws IOException {
    Map<String, Set<String>> g = new TreeMap<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path m : modules.map(p -> p.resolve("src/main/java")).filter(Files::isDirectory)
          .toList()) {
        try (Stream<Path> files = Files.walk(m)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(f -> add(g, read(f)));
        }
      }
    }
    return g;
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the references of one source file to {@code g}. */
  static void add(Map<String, Set<String>> g, String source) {
    Matcher p = PACKAGE.matcher(source);
    if (!p.find()) {
      return;
    }
    String pkg = p.group(1);
    Set<String> to = g.computeIfAbsent(pkg, k -> new TreeSet<>());
    Matcher r = REFERENCE.matcher(COMMENTS_AND_STRINGS.matcher(source).replaceAll(" "));
    while (r.find()) {
      if (!r.group(1).equals(pkg)) {
        to.add(r.group(1));
      }
    }
  }

  private static int layer(String pkg) {
    return LAYERS.entrySet().stream()
        .filter(e -> pkg.equals(e.getKey()) || pkg.startsWith(e.getKey() + "."))
        .mapToInt(Map.Entry::getValue).findFirst()
        .orElseThrow(() -> new AssertionError("package " + pkg + " has no layer"));
  }

  /** Edges {@code a -> b} that point from a lower layer to a higher one. */
  static List<String> backEdges(Map<String, Set<String>> g) {
    List<String> bad = new ArrayList<>();
    g.forEach((from, tos) -> tos.stream().filter(to -> layer(to) > layer(from))
        .forEach(to -> bad.add(from + " -> " + to)));
    return bad;
  }

  /** The strongly connected components with more than one package (Tarjan). */
  static List<Set<String>> cycles(Map<String, Set<String>> g) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    for (String v : g.keySet()) {
      if (!index.containsKey(v)) {
        strongConnect(v, g, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void strongConnect(String v, Map<String, Set<String>> g,
      Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
      Set<String> onStack, List<Set<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : g.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        strongConnect(w, g, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }

  @Test
  void modulesPointOneWay() {
    assertThat(backEdges(graph)).isEmpty();
  }

  @Test
  void cliPackagesHaveNoCycleAndTheCommandsAreOnTop() {
    assertThat(cycles(graph)).noneMatch(c -> c.stream().anyMatch(p -> p.startsWith("org.gmmvi.cli")));
    graph.forEach((from, tos) -> {
      if (from.startsWith("org.gmmvi.cli.")) {
        assertThat(tos).as("%s uses the commands", from).doesNotContain("org.gmmvi.cli");
      }
    });
    assertThat(graph.get("org.gmmvi.cli.error")).as("the leaf package cli.error")
        .noneMatch(p -> p.startsWith("org.gmmvi.cli"));
  }

  @Test
  void noNewPackageCycles() {
    for (Set<String> c : cycles(graph)) {
      assertThat(KNOWN_CYCLES).as("new package cycle %s", c).anyMatch(k -> k.containsAll(c));
    }
  }

  @Test
  void aBackEdgeOrACycleIsFound() {
    Map<String, Set<String>> g = new TreeMap<>();
    add(g, "package org.gmmvi.core.model;\nimport org.gmmvi.cli.run.RunEngine;\n"
        + "// org.gmmvi.problems.Problem in a comment does not count\n"
        + "class X { String s = \"org.gmmvi.benchmarks.Y\"; }");
    add(g, "package org.gmmvi.cli.run;\nclass R { org.gmmvi.cli.Main m; }");
    add(g, "package org.gmmvi.cli;\nimport org.gmmvi.cli.run.*;\nclass M {}");
    assertThat(backEdges(g)).containsExactly("org.gmmvi.core.model -> org.gmmvi.cli.run");
    assertThat(cycles(g)).containsExactly(Set.of("org.gmmvi.cli", "org.gmmvi.cli.run"));
  }
}
