package org.gmmvi.cli.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gmmvi.cli.io.JvmFlags;

/**
 * The command line of a runner JVM that executes one task of a task file: the current JVM's
 * {@code java} executable ({@code java.home}) and class path ({@code java.class.path}), the
 * launcher's JVM flags (see {@code ./gmmvi}), every {@code gmmvi.*} system property (kernel
 * backend, data directory, home), and {@code -Xmx} from the task's {@link ResourceEstimate}.
 * Used by the local executor directly and written into SLURM batch scripts, so both run the very
 * jar of the coordinator, by absolute path.
 */
public final class ChildJvm {

  /**
   * JVM flags of every runner JVM: the launcher's collector choice and the flags every gmmvi JVM
   * needs ({@link JvmFlags}, whose one source is {@code .mvn/maven.config}).
   */
  public static final List<String> FLAGS = flags();

  private ChildJvm() {}

  private static List<String> flags() {
    List<String> f = new ArrayList<>();
    f.add("-XX:+UseParallelGC");
    f.addAll(JvmFlags.get());
    return List.copyOf(f);
  }

  /** The {@code java} executable of the running JVM. */
  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
  }

  /** The class path of the running JVM with every entry made absolute. */
  public static String classPath() {
    String sep = System.getProperty("path.separator");
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(java.util.regex.Pattern.quote(
        sep))) {
      if (e.isEmpty()) {
        continue;
      }
      boolean wildcard = e.endsWith("*");
      String base = wildcard ? e.substring(0, e.length() - 1) : e;
      String abs = base.isEmpty() ? Path.of("").toAbsolutePath().toString() + "/"
          : Path.of(base).toAbsolutePath().normalize() + (base.endsWith("/") ? "/" : "");
      out.add(wildcard ? (abs.endsWith("/") ? abs : abs + "/") + "*" : abs);
    }
    return String.join(sep, out);
  }

  /**
   * {@code java <flags> -Xmx… -cp … org.gmmvi.cli.Main reproduce task --tasks FILE --index I}
   * (without the index value when {@code index} is null: a SLURM script appends
   * {@code $SLURM_ARRAY_TASK_ID}).
   *
   * @param watchParent end the run (checkpoint first) when the parent's pipe closes
   */
  public static List<String> command(long heapBytes, Path taskFile, Integer index,
      boolean watchParent) {
    List<String> c = new ArrayList<>();
    c.add(java().toString());
    c.add("-Xmx" + (heapBytes >> 20) + "m");
    c.addAll(FLAGS);
    Map<String, String> props = new TreeMap<>();
    System.getProperties().forEach((k, v) -> {
      String key = String.valueOf(k);
      if (key.startsWith("gmmvi.") || key.equals("java.util.logging.SimpleFormatter.format")) {
        props.put(key, String.valueOf(v));
      }
    });
    props.forEach((k, v) -> c.add("-D" + k + "=" + v));
    c.add("-cp");
    c.add(classPath());
    c.add("org.gmmvi.cli.Main");
    c.add("reproduce");
    c.add("task");
    c.add("--tasks");
    c.add(taskFile.toAbsolutePath().normalize().toString());
    if (watchParent) {
      c.add("--watch-parent");
    }
    c.add("--index");
    if (index != null) {
      c.add(index.toString());
    }
    return c;
  }
}
