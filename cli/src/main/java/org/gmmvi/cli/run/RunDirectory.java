package org.gmmvi.cli.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.io.AtomicFiles;
import org.gmmvi.cli.io.Json;
import org.gmmvi.core.config.YamlConfig;

/**
 * The run directory ({@code --out}): checks it before a run starts (a new run needs an empty or
 * writable directory, a resumed one a checkpoint of the same algorithm, problem and seed), and
 * writes {@code config.yml} and {@code run.json}. Every file is replaced atomically.
 */
final class RunDirectory {

  private final Path out;

  RunDirectory(Path out) {
    this.out = out;
  }

  /** The directory. */
  Path path() {
    return out;
  }

  /** The file {@code name} in the directory. */
  Path file(String name) {
    return out.resolve(name);
  }

  /**
   * Checks the directory for the run of {@code settings} on {@code problem}: with
   * {@code resume} the checkpoint it continues (read and matched), otherwise null after making
   * sure the directory holds no run and is writable. Stale temporaries of writes cut short by
   * kill -9 are deleted.
   *
   * @throws UsageException when the directory does not fit
   */
  Checkpoint prepare(RunSettings settings, String problem) throws IOException {
    if (settings.resume()) {
      if (!Checkpoint.exists(out)) {
        if (Files.exists(file("final.json"))) {
          throw new UsageException("--resume: the run in '" + out + "' completed and its"
              + " checkpoint was deleted (runs keep it only with --keep-checkpoint); start a new"
              + " run with a larger budget, or pass --fresh to replace this one");
        }
        throw new UsageException("--resume: no checkpoint in '" + out
            + "' (nothing to resume; start the run without --resume)");
      }
      Checkpoint c = Checkpoint.read(out);
      Map<String, Object> r = c.runner();
      checkSame("algorithm", settings.codeword(), r.get("codeword"));
      checkSame("problem", problem, r.get("problem"));
      checkSame("seed", Long.toString(settings.seed()), String.valueOf(r.get("seed")));
      AtomicFiles.deleteStaleTemporaries(out); // of writes cut short by kill -9
      return c;
    }
    if (Checkpoint.exists(out) || Files.exists(file("final.json"))) {
      throw new UsageException("'" + out + "' already holds a run; pass --resume to continue it"
          + " or choose another --out");
    }
    requireWritable(out);
    AtomicFiles.deleteStaleTemporaries(out); // of an earlier start killed before its checkpoint
    return null;
  }

  /** Creates {@code dir} and proves it writable with a probe file; failures are user errors. */
  private static void requireWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".gmmvi-probe", ".tmp"));
    } catch (IOException e) {
      String why = e instanceof FileAlreadyExistsException ? "a file of that name exists"
          : e instanceof FileSystemException fe && fe.getReason() != null
              ? fe.getReason() : String.valueOf(e.getMessage());
      throw new UsageException("output directory '" + dir + "' cannot be created or written: "
          + why, e);
    }
  }

  private static void checkSame(String what, String given, Object stored) {
    if (!given.equals(String.valueOf(stored))) {
      throw new UsageException("--resume: the checkpoint was written for " + what + " '" + stored
          + "', not '" + given + "'");
    }
  }

  /** Writes {@code config.yml} (the merged configuration) and {@code run.json}. */
  void writeStart(Map<String, Object> config, Map<String, Object> description)
      throws IOException {
    AtomicFiles.writeString(file("config.yml"), YamlConfig.dump(config));
    Json.write(file("run.json"), description);
  }

  /**
   * The run description of {@code run.json}, repeated in {@code final.json}: problem, codeword,
   * seed, dimension, where the target came from, the limits, threads and the log interval.
   */
  static Map<String, Object> describe(RunSettings s, RunProblem problem, int logInterval) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("problem", problem.name());
    m.put("codeword", s.codeword());
    m.put("seed", s.seed());
    m.put("dimension", problem.dimension());
    if (problem instanceof RegistryProblem rp) {
      m.put("data_dir", rp.data().root().toString());
    } else if (problem instanceof UserTargetProblem up) {
      m.put("target_class", up.className());
      m.put("classpath", up.classpath());
    }
    m.put("budget", s.budgetName());
    m.put("max_target_evaluations", s.maxEvaluations());
    m.put("max_iterations", s.maxIterations());
    m.put("time_limit_seconds", s.timeLimit() == null ? null : s.timeLimit().toMillis() / 1000.0);
    m.put("threads", s.threads());
    m.put("log_metrics_interval", logInterval);
    if (s.convergence() != null) {
      m.put("stop_when_converged", Map.of("window", s.convergence().window(),
          "tolerance", s.convergence().tolerance()));
    }
    return m;
  }
}
