package org.gmmvi.cli.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmmvi.cli.io.Json;

/**
 * The grid of a reproduction directory as {@code reproduce} was last asked to run it, stored in
 * {@code <root>/grid.json} so that {@code reproduce --status DIR} and {@code --report DIR} know
 * which runs are expected without the original options.
 *
 * @param problems      problem names in report order
 * @param codewords     codewords in report order
 * @param seeds         seeds per cell
 * @param startSeed     first seed
 * @param budget        {@code full}, {@code smoke} or {@code paper}
 * @param maxEvals      evaluation budget override, or null
 * @param maxIterations iteration cap override, or null
 * @param dataDir       the data directory (absolute), or null
 * @param executor      the executor that last ran the grid
 */
public record GridSpec(List<String> problems, List<String> codewords, int seeds, long startSeed,
    String budget, Long maxEvals, Integer maxIterations, String dataDir, String executor) {

  /** File name inside the reproduction directory. */
  public static final String FILE = "grid.json";

  /** The seeds {@code startSeed .. startSeed + seeds − 1}. */
  public List<Long> seedList() {
    return java.util.stream.LongStream.range(startSeed, startSeed + seeds).boxed().toList();
  }

  /** Writes {@code root/grid.json} atomically. */
  public void write(Path root) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("problems", problems);
    m.put("codewords", codewords);
    m.put("seeds", seeds);
    m.put("start_seed", startSeed);
    m.put("budget", budget);
    m.put("max_evals", maxEvals);
    m.put("max_iterations", maxIterations);
    m.put("data_dir", dataDir);
    m.put("executor", executor);
    Files.createDirectories(root);
    Json.write(root.resolve(FILE), m);
  }

  /** Reads {@code root/grid.json}, or returns null if there is none. */
  public static GridSpec read(Path root) throws IOException {
    Path f = root.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    Map<String, Object> m = Json.readObject(f);
    return new GridSpec(strings(m.get("problems")), strings(m.get("codewords")),
        ((Number) m.get("seeds")).intValue(), ((Number) m.get("start_seed")).longValue(),
        (String) m.get("budget"),
        m.get("max_evals") instanceof Number n ? n.longValue() : null,
        m.get("max_iterations") instanceof Number i ? i.intValue() : null,
        (String) m.get("data_dir"), (String) m.get("executor"));
  }

  private static List<String> strings(Object o) {
    return ((List<?>) o).stream().map(String::valueOf).toList();
  }
}
