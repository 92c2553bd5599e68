package org.gmmvi.cli.reproduce;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a reproduction grid as an executor hands it to a runner: everything the runner
 * process needs to build the run's {@link org.gmmvi.cli.run.RunSettings}, so that a run in a child
 * JVM, a SLURM array task or a thread of the coordinator makes the same files.
 *
 * @param problem          registry problem name
 * @param codeword         upper-case codeword
 * @param seed             run seed
 * @param dir              the run directory (absolute)
 * @param budgetName       {@code full}, {@code smoke}, {@code paper} or {@code custom}
 * @param maxEvaluations   evaluation budget ({@link Long#MAX_VALUE} for the paper's time budget)
 * @param maxIterations    iteration cap
 * @param timeLimitSeconds wall-clock limit of the run ({@code 0}: none)
 * @param threads          evaluation threads of the run (results do not depend on it)
 * @param heapBytes        the {@code -Xmx} of a child JVM that runs the task
 */
public record RunTask(String problem, String codeword, long seed, Path dir, String budgetName,
    long maxEvaluations, int maxIterations, double timeLimitSeconds, int threads,
    long heapBytes) {

  /** {@code problem/codeword/seed}, for messages. */
  public String label() {
    return problem + " " + codeword + " seed " + seed;
  }

  /** The cell this run belongs to. */
  public String cell() {
    return problem + "/" + codeword;
  }

  /** The task as a JSON object. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("problem", problem);
    m.put("codeword", codeword);
    m.put("seed", seed);
    m.put("dir", dir.toString());
    m.put("budget", budgetName);
    m.put("max_target_evaluations", maxEvaluations);
    m.put("max_iterations", maxIterations);
    m.put("time_limit_seconds", timeLimitSeconds);
    m.put("threads", threads);
    m.put("heap_bytes", heapBytes);
    return m;
  }

  /** The task of a JSON object written by {@link #toMap}. */
  public static RunTask fromMap(Map<?, ?> m) {
    return new RunTask((String) m.get("problem"), (String) m.get("codeword"),
        ((Number) m.get("seed")).longValue(), Path.of((String) m.get("dir")),
        (String) m.get("budget"), ((Number) m.get("max_target_evaluations")).longValue(),
        ((Number) m.get("max_iterations")).intValue(),
        ((Number) m.get("time_limit_seconds")).doubleValue(),
        ((Number) m.get("threads")).intValue(), ((Number) m.get("heap_bytes")).longValue());
  }

  /** The same task with another heap size (a retry after running out of memory). */
  public RunTask withHeap(long bytes) {
    return new RunTask(problem, codeword, seed, dir, budgetName, maxEvaluations, maxIterations,
        timeLimitSeconds, threads, bytes);
  }
}
