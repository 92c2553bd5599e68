package org.gmmvi.kernels.blas;

import java.util.Locale;
import org.gmmvi.kernels.Backend;
import org.gmmvi.kernels.BackendKernels;
import org.gmmvi.kernels.scalar.ScalarRowKernels;

/**
 * The native backend ("openblas"): bytedeco's bundled OpenBLAS 0.3.31 called through FFM
 * downcalls (see {@code OpenBlas}). The constructor refuses politely: it throws
 * {@link UnsupportedOperationException} with the reason when the platform is not linux-x86_64 or
 * the library cannot load. {@code KernelProvider} catches that for {@code auto} and turns it into
 * an {@link IllegalStateException} when the backend was forced.
 */
public final class OpenBlasKernels extends BackendKernels {

  /**
   * Loads the library.
   *
   * @throws UnsupportedOperationException if OpenBLAS cannot be used on this machine
   */
  public OpenBlasKernels() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new UnsupportedOperationException("OpenBLAS natives are bundled for linux-x86_64 only,"
          + " this is " + os + "/" + arch);
    }
    try {
      OpenBlas.ensureLoaded();
    } catch (LinkageError | RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new UnsupportedOperationException("OpenBLAS cannot load: " + cause, e);
    }
    // BLAS has no exponential loops: the rows family is the scalar reference.
    super(Backend.OPENBLAS, new OpenBlasDenseKernels(), new OpenBlasMixtureKernels(),
        new OpenBlasNgKernels(), new ScalarRowKernels());
  }

  /** Number of threads OpenBLAS uses (1 unless {@code -Dgmmvi.kernels.blas.threads} says otherwise). */
  public int threads() {
    return OpenBlas.threads();
  }
}
