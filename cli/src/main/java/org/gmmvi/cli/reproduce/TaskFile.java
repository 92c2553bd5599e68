package org.gmmvi.cli.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmmvi.cli.io.Json;

/**
 * A list of {@link RunTask}s with the data directory they read, as one JSON file: what a child
 * JVM or a SLURM array task reads to find its run ({@code gmmvi reproduce task --tasks FILE
 * --index I}). Written atomically, never changed while tasks read it (a resubmission writes a new
 * file).
 *
 * @param dataDir the data directory (absolute), or null for the runner's default lookup
 * @param tasks   the tasks, index {@code i} is array task {@code i}
 */
public record TaskFile(String dataDir, List<RunTask> tasks) {

  /** Writes the file atomically. */
  public void write(Path file) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("data_dir", dataDir);
    m.put("tasks", tasks.stream().map(RunTask::toMap).toList());
    Json.write(file, m);
  }

  /** Reads a file written by {@link #write}. */
  public static TaskFile read(Path file) throws IOException {
    Map<String, Object> m = Json.readObject(file);
    List<RunTask> tasks = ((List<?>) m.get("tasks")).stream()
        .map(o -> RunTask.fromMap((Map<?, ?>) o)).toList();
    return new TaskFile((String) m.get("data_dir"), tasks);
  }
}
