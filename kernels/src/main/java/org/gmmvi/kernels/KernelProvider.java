package org.gmmvi.kernels;

import java.util.Locale;
import java.util.logging.Logger;
import org.gmmvi.kernels.scalar.ScalarKernels;

/**
 * Chooses the kernel backend once per process and hands it out.
 *
 * <p>The choice comes from the system property {@code gmmvi.kernels.backend} (or the environment
 * variable {@code GMMVI_KERNELS_BACKEND}): {@code scalar}, {@code panama}, {@code openblas} or
 * {@code auto} (the default). A forced backend that cannot load is an error, never a silent
 * fallback. The chosen backend's {@link Kernels#name()} is logged once and is available for logs,
 * benchmark output and CI assertions.
 */
public final class KernelProvider {

  /** System property that forces a backend. */
  public static final String PROPERTY = "gmmvi.kernels.backend";

  private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());

  private KernelProvider() {}

  private static final class Holder {
    static final Kernels INSTANCE = choose();
  }

  /** The process-wide backend. */
  public static Kernels get() {
    return Holder.INSTANCE;
  }

  /** The requested backend name (property, then environment, then {@code auto}). */
  public static String requested() {
    String v = System.getProperty(PROPERTY);
    if (v == null || v.isBlank()) {
      v = System.getenv("GMMVI_KERNELS_BACKEND");
    }
    return v == null || v.isBlank() ? "auto" : v.trim().toLowerCase(Locale.ROOT);
  }

  private static Kernels choose() {
    String requested = requested();
    Kernels k = create(requested);
    LOG.info(() -> "gmmvi kernels backend: " + k.name() + " (requested: " + requested + ")");
    return k;
  }

  /**
   * Creates a backend by name, independent of the process-wide choice (tests and benchmarks compare
   * backends side by side).
   *
   * @throws IllegalArgumentException for an unknown name
   * @throws IllegalStateException if the backend cannot load on this machine
   */
  public static Kernels create(String name) {
    return switch (name) {
      case "scalar" -> new ScalarKernels();
      case "auto" -> new ScalarKernels();
      case "panama", "openblas" -> throw new IllegalStateException(
          "kernel backend '" + name + "' is not available in this build");
      default -> throw new IllegalArgumentException("unknown kernel backend '" + name
          + "' (property " + PROPERTY + "): use one of scalar, panama, openblas, auto");
    };
  }
}
