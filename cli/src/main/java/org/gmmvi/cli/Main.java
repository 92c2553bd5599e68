package org.gmmvi.cli;

import org.gmmvi.kernels.KernelProvider;
import org.gmmvi.kernels.Kernels;

/** Entry point of the {@code ./gmmvi} launcher. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Kernels k = KernelProvider.get();
    // Kernel demo: log-density of x = [1, 1] under N([2, 1], [[0.8, -0.2], [-0.2, 1.2]]).
    double[] chol = {0.8, -0.2, -0.2, 1.2};
    k.dense().cholesky(chol, 0, 2);
    double[] out = new double[1];
    k.mixture().componentLogDensities(new double[] {1, 1}, 1, 2, new double[] {2, 1}, chol, 1, out);
    System.out.println("backend: " + k.name());
    System.out.println("log N([1,1]; [2,1], [[0.8,-0.2],[-0.2,1.2]]) = " + out[0]
        + "  (expected -2.4483601750)");
  }
}
