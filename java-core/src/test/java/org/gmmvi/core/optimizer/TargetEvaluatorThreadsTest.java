package org.gmmvi.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gmmvi.core.random.Rng;
import org.gmmvi.core.target.Target;
import org.junit.jupiter.api.Test;

/**
 * Multi-threaded evaluation in {@link TargetEvaluator} gives every row the values of one call over
 * the whole batch, also for a target whose rows depend on the other rows of their
 * {@link Target#rowBlock() block} (as the GMM and logistic-regression targets, which run one matrix
 * product per block of rows, do through rounding; issue 15).
 */
class TargetEvaluatorThreadsTest {

  private static final int BLOCK = 16;

  /**
   * 1-D, thread-safe, {@code rowBlock() = 16}: {@code log p(x_i) = −x_i²/2 + 10⁻³·Σ_{r ∈ block(i)} x_r}
   * with the blocks {@code [16b, 16b + 16)} of the call; records the size of every call.
   */
  private static final class BlockTarget implements Target {
    final List<Integer> calls = new CopyOnWriteArrayList<>();
    private final int block;

    BlockTarget(int block) {
      this.block = block;
    }

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public void evaluate(double[] x, int n, double[] lp, double[] grad) {
      calls.add(n);
      for (int b0 = 0; b0 < n; b0 += BLOCK) {
        int end = Math.min(n, b0 + BLOCK);
        double sum = 0;
        for (int r = b0; r < end; r++) {
          sum += x[r];
        }
        for (int i = b0; i < end; i++) {
          lp[i] = -0.5 * x[i] * x[i] + 1e-3 * sum;
          if (grad != null) {
            grad[i] = -x[i] + 1e-3;
          }
        }
      }
    }

    @Override
    public boolean threadSafe() {
      return true;
    }

    @Override
    public int rowBlock() {
      return block;
    }
  }

  private static double[] evaluate(BlockTarget t, int threads, double[] x) {
    try (TargetEvaluator e = new TargetEvaluator(t, threads, true)) {
      double[] xs = x.clone();
      double[] lp = new double[x.length];
      assertThat(e.evaluate(xs, x.length, lp, new double[x.length], null, false))
          .isEqualTo(x.length);
      return lp;
    }
  }

  @Test
  void chunksStartAtMultiplesOfTheRowBlockAndMatchOneCall() {
    double[] x = new double[100];
    new Rng(5).fillGaussian(x, 0, x.length);
    double[] one = evaluate(new BlockTarget(BLOCK), 1, x);
    BlockTarget two = new BlockTarget(BLOCK);
    assertThat(evaluate(two, 2, x)).isEqualTo(one);
    // 7 blocks of 16 rows (the last one short) dealt out as 3 + 4
    assertThat(two.calls).containsExactlyInAnyOrder(48, 52);
    BlockTarget three = new BlockTarget(BLOCK);
    assertThat(evaluate(three, 3, x)).isEqualTo(one);
    assertThat(three.calls).containsExactlyInAnyOrder(32, 32, 36);
  }

  @Test
  void rowIndependentTargetsAreStillSplitEvenly() {
    double[] x = new double[100];
    new Rng(6).fillGaussian(x, 0, x.length);
    BlockTarget t = new BlockTarget(1);
    evaluate(t, 3, x);
    assertThat(t.calls).containsExactlyInAnyOrder(33, 33, 34);
  }

  @Test
  void aBatchOfOneBlockIsNotSplit() {
    BlockTarget t = new BlockTarget(BLOCK);
    evaluate(t, 3, new double[BLOCK]);
    assertThat(t.calls).containsExactly(BLOCK);
  }

  @Test
  void aRowBlockBelowOneIsRejectedWithItsName() {
    try (TargetEvaluator e = new TargetEvaluator(new BlockTarget(0), 2, false)) {
      assertThatThrownBy(() -> e.evaluate(new double[20], 20, new double[20], null, null, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rowBlock() = 0");
    }
  }
}
