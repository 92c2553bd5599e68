package org.gmmvi.cli.reproduce;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.gmmvi.cli.run.RunOutcome;
import org.gmmvi.cli.run.RunProblem;
import org.gmmvi.cli.run.TimeLimit;

/**
 * {@code --executor threads}: the runs as threads of the coordinator's JVM (the behaviour before
 * the process executors; every run shares one heap, so a grid can exhaust the machine's memory).
 * Kept as the reference and for problems registered only inside the coordinator.
 */
public final class ThreadExecutor implements Executor {

  private final int parallel;
  private final Function<String, RunProblem> problems;

  /**
   * @param parallel runs at once
   * @param problems the problem of a name
   */
  public ThreadExecutor(int parallel, Function<String, RunProblem> problems) {
    this.parallel = parallel;
    this.problems = problems;
  }

  @Override
  public String name() {
    return "threads";
  }

  @Override
  public Result execute(Path root, String dataDir, List<RunTask> tasks, PrintWriter log)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (RunTask t : tasks) {
      futures.add(pool.submit(() -> {
        RunOutcome o = TaskRunner.run(t, problems.apply(t.problem()), parallel > 1);
        int n = done.incrementAndGet();
        if (!o.completed()) {
          failed.incrementAndGet();
        }
        synchronized (log) {
          log.printf(Locale.ROOT, "[%d/%d] %s: %s, -ELBO %.4f, %,d evals, %s (elapsed %s)%n", n,
              tasks.size(), t.label(), o.status() + (o.error() != null ? " (" + o.error() + ")"
                  : ""), o.negElbo(), o.evaluations(), TimeLimit.format(o.wallSeconds()),
              TimeLimit.format((System.nanoTime() - start) * 1e-9));
          log.flush();
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        pool.shutdownNow();
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(c);
      }
    }
    return new Result(tasks.size() - failed.get(), failed.get(), 0);
  }
}
