package org.gmmvi.kernels;

import java.util.Locale;
import java.util.logging.Logger;
import org.gmmvi.kernels.auto.AutoKernels;

/**
 * Chooses the kernel backend once per process and hands it out.
 *
 * <p>The choice comes from the system property {@code gmmvi.kernels.backend} (or the environment
 * variable {@code GMMVI_KERNELS_BACKEND}): one of the {@link Backend} names ({@code auto} is the
 * default). Backends are loaded reflectively through the registry {@link Backend}. {@code auto} picks a backend per operation and size
 * ({@link AutoKernels}, thresholds measured with JMH) among the backends that load, and logs why
 * one did not. A forced backend that cannot load is an {@link IllegalStateException}, never a
 * silent fallback. The chosen backend's {@link Kernels#name()} is logged once and is available for
 * logs, benchmark output and CI assertions.
 */
public final class KernelProvider {

  /** System property that forces a backend. */
  public static final String PROPERTY = "gmmvi.kernels.backend";

  /** Environment variable read when the property is absent. */
  public static final String ENV = "GMMVI_KERNELS_BACKEND";

  private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());

  private KernelProvider() {}

  /** The process-wide choice, or why the requested backend cannot load. */
  private static final class Holder {
    static final Kernels INSTANCE;
    static final RuntimeException FAILURE;

    static {
      Kernels k = null;
      RuntimeException failure = null;
      try {
        k = choose();
      } catch (IllegalArgumentException | IllegalStateException e) {
        failure = e;
      }
      INSTANCE = k;
      FAILURE = failure;
    }
  }

  /**
   * The process-wide backend.
   *
   * @throws IllegalStateException if the requested backend cannot load (on every call, with the
   *     reason; not an {@link ExceptionInInitializerError})
   */
  public static Kernels get() {
    if (Holder.FAILURE != null) {
      throw new IllegalStateException(Holder.FAILURE.getMessage(), Holder.FAILURE);
    }
    return Holder.INSTANCE;
  }

  /** The requested backend name (property, then environment, then {@code auto}). */
  public static String requested() {
    String v = System.getProperty(PROPERTY);
    if (v == null || v.isBlank()) {
      v = System.getenv(ENV);
    }
    return v == null || v.isBlank() ? "auto" : v.trim().toLowerCase(Locale.ROOT);
  }

  private static Kernels choose() {
    String requested = requested();
    Kernels k = create(requested);
    String detail = k instanceof AutoKernels a ? " " + a.describe() : "";
    LOG.info(() -> "gmmvi kernels backend: " + k.name() + " (requested: " + requested + ")"
        + detail);
    return k;
  }

  /**
   * Creates a backend by name, independent of the process-wide choice (tests and benchmarks compare
   * backends side by side).
   *
   * @throws IllegalArgumentException for an unknown name
   * @throws IllegalStateException if a named backend cannot load on this machine (with the reason)
   */
  public static Kernels create(String name) {
    Backend backend = Backend.of(name);
    if (backend == Backend.AUTO) {
      return createAuto();
    }
    try {
      return backend.load();
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException("kernel backend '" + backend.id() + "' was requested but"
          + " cannot load: " + e.getMessage(), e);
    }
  }

  /** Whether {@code name} loads on this machine ({@code scalar} and {@code auto} always do). */
  public static boolean isAvailable(String name) {
    try {
      create(name);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static Kernels createAuto() {
    return new AutoKernels(Backend.SCALAR.load(), loadOrNull(Backend.PANAMA),
        loadOrNull(Backend.OPENBLAS));
  }

  private static Kernels loadOrNull(Backend backend) {
    try {
      return backend.load();
    } catch (UnsupportedOperationException e) {
      LOG.info(() -> "gmmvi kernels: auto skips backend '" + backend.id() + "': "
          + e.getMessage());
      return null;
    }
  }
}
