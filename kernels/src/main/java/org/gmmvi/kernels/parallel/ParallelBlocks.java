package org.gmmvi.kernels.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;

/**
 * Runs {@code blocks} independent pieces of work: block 0 on the calling thread, the others on the
 * common {@link ForkJoinPool}, and returns when all are done. A block's unchecked exception or
 * error is rethrown as is (the first one in block order after all finished). Used by the row-split
 * mixture kernels, the per-component NG estimates and the component updates.
 */
public final class ParallelBlocks {

  private ParallelBlocks() {}

  /** Runs {@code body.accept(b)} for {@code b = 0 … blocks − 1} concurrently. */
  public static void run(int blocks, IntConsumer body) {
    if (blocks <= 1) {
      if (blocks == 1) {
        body.accept(0);
      }
      return;
    }
    List<CompletableFuture<Void>> futures = new ArrayList<>(blocks - 1);
    for (int b = 1; b < blocks; b++) {
      int block = b;
      futures.add(CompletableFuture.runAsync(() -> body.accept(block),
          ForkJoinPool.commonPool()));
    }
    RuntimeException first = null;
    try {
      body.accept(0);
    } catch (RuntimeException e) {
      first = e;
    }
    for (CompletableFuture<Void> f : futures) {
      try {
        f.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        if (first == null) {
          first = e.getCause() instanceof RuntimeException re ? re : e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
