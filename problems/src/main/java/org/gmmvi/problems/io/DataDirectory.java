package org.gmmvi.problems.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The root of the shared data tree ({@code datasets/}, {@code targets/}, {@code groundtruth/},
 * {@code configs/}, {@code testvectors/}, {@code talos/}; see {@code shared/data/README.md}).
 *
 * <p>Resolution order of {@link #resolve(String)}:
 * <ol>
 *   <li>an explicit path (the CLI's {@code --data-dir} flag);</li>
 *   <li>the environment variable {@value #ENV_VARIABLE};</li>
 *   <li>the system property {@value #PROPERTY} (surefire sets it);</li>
 *   <li>{@code <gmmvi.home>/../shared/data} if the system property {@value #HOME_PROPERTY} is set
 *       (the launcher passes the checkout);</li>
 *   <li>{@code ../shared/data} relative to the working directory, then {@code ../../shared/data}
 *       (a module directory inside the checkout).</li>
 * </ol>
 * The first configured source wins even if its directory does not exist, so that a wrong setting is
 * reported instead of silently ignored: the missing directory is reported by {@link #file(String)}
 * with a {@link DataMissingException} naming the path and the source it came from.
 */
public final class DataDirectory {

  /** Environment variable naming the data directory. */
  public static final String ENV_VARIABLE = "GMMVI_DATA";
  /** System property naming the data directory. */
  public static final String PROPERTY = "gmmvi.data.dir";
  /** System property naming the checkout (set by the launcher). */
  public static final String HOME_PROPERTY = "gmmvi.home";

  private final Path root;
  private final String source;

  private DataDirectory(Path root, String source) {
    this.root = root.toAbsolutePath().normalize();
    this.source = source;
  }

  /** A data directory at an explicit path. */
  public static DataDirectory of(Path root) {
    return new DataDirectory(Objects.requireNonNull(root, "root"), "explicit path");
  }

  /** Resolves the data directory from the process environment (see the class documentation). */
  public static DataDirectory resolve(String explicitPath) {
    return resolve(explicitPath, System.getenv(), System::getProperty);
  }

  /** Resolves without an explicit path. */
  public static DataDirectory resolve() {
    return resolve(null);
  }

  /** Resolution with injectable environment and properties (for tests). */
  static DataDirectory resolve(String explicitPath, Map<String, String> env,
      Function<String, String> properties) {
    if (notBlank(explicitPath)) {
      return new DataDirectory(Path.of(explicitPath), "--data-dir");
    }
    String fromEnv = env.get(ENV_VARIABLE);
    if (notBlank(fromEnv)) {
      return new DataDirectory(Path.of(fromEnv), "environment variable " + ENV_VARIABLE);
    }
    String fromProperty = properties.apply(PROPERTY);
    if (notBlank(fromProperty)) {
      return new DataDirectory(Path.of(fromProperty), "system property " + PROPERTY);
    }
    String home = properties.apply(HOME_PROPERTY);
    if (notBlank(home)) {
      return new DataDirectory(Path.of(home, "..", "shared", "data"),
          "system property " + HOME_PROPERTY + " (<home>/../shared/data)");
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("..", "shared", "data"));
    candidates.add(Path.of("..", "..", "shared", "data"));
    for (Path c : candidates) {
      if (Files.isDirectory(c)) {
        return new DataDirectory(c, "../shared/data relative to the working directory");
      }
    }
    return new DataDirectory(candidates.get(0), "default ../shared/data relative to the working"
        + " directory (nothing configured)");
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /** The absolute, normalized root path. */
  public Path root() {
    return root;
  }

  /** Where the root came from (for messages). */
  public String source() {
    return source;
  }

  /** Whether the root directory exists. */
  public boolean exists() {
    return Files.isDirectory(root);
  }

  /**
   * The existing file at {@code relative} (slash separated, e.g. {@code "targets/gmm20/seed10000"}).
   *
   * @throws DataMissingException if the data directory or the file does not exist
   */
  public Path file(String relative) {
    Path p = root.resolve(relative).normalize();
    if (!Files.exists(p)) {
      throw new DataMissingException(missingMessage(relative, p));
    }
    return p;
  }

  /** Whether {@code relative} exists below the root. */
  public boolean has(String relative) {
    return Files.exists(root.resolve(relative));
  }

  private String missingMessage(String relative, Path p) {
    String what = exists()
        ? "data file '" + relative + "' not found: tried " + p
        : "data directory not found: tried " + root + " (needed for '" + relative + "')";
    return what + ". The data directory came from the " + source + ". Set the environment"
        + " variable " + ENV_VARIABLE + " (or pass --data-dir, or -D" + PROPERTY + "=...) to the"
        + " folder that holds datasets/, targets/, groundtruth/ and configs/ (shared/data).";
  }

  @Override
  public String toString() {
    return root + " (" + source + ")";
  }
}
