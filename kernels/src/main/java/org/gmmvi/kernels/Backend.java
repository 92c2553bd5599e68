package org.gmmvi.kernels;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The registry of kernel backends: each constant names a backend, says what it is and where its
 * {@link Kernels} class lives. Backends are loaded reflectively by class name, so nothing here
 * (nor in {@link KernelProvider} or the {@code auto} backend) refers to the Vector API or OpenBLAS
 * classes at compile time: {@code panama} loads only when the incubator module is present, and
 * {@code openblas} only when its optional module {@code gmmvi-kernels-openblas} is on the class
 * path (the core does not carry its natives).
 */
public enum Backend {

  /** Plain Java: always available, the definition of correctness. */
  SCALAR("scalar", "plain Java, the reference implementation",
      "org.gmmvi.kernels.scalar.ScalarKernels"),
  /** Vector API ({@code jdk.incubator.vector}) for the hot loops. */
  PANAMA("panama", "Vector API (jdk.incubator.vector) for the hot loops",
      "org.gmmvi.kernels.panama.PanamaKernels"),
  /** Native OpenBLAS through FFM downcalls, in the optional module {@code gmmvi-kernels-openblas}. */
  OPENBLAS("openblas", "native OpenBLAS (bytedeco natives; module gmmvi-kernels-openblas)",
      "org.gmmvi.kernels.blas.OpenBlasKernels"),
  /** Routes every operation by family and size to the fastest of the backends that load. */
  AUTO("auto", "the fastest backend that loads here, chosen per kernel size", null);

  private final String id;
  private final String description;
  private final String className;

  Backend(String id, String description, String className) {
    this.id = id;
    this.description = description;
    this.className = className;
  }

  /** The name used by {@code -Dgmmvi.kernels.backend} and by {@link Kernels#name()}. */
  public String id() {
    return id;
  }

  /** One line for listings. */
  public String description() {
    return description;
  }

  /** Every backend name, in declaration order ({@code scalar, panama, openblas, auto}). */
  public static List<String> names() {
    return Arrays.stream(values()).map(Backend::id).toList();
  }

  /** The backends compared against the scalar reference ({@code panama, openblas, auto}). */
  public static List<String> nonReferenceNames() {
    return Arrays.stream(values()).filter(b -> b != SCALAR).map(Backend::id).toList();
  }

  /**
   * The backend called {@code name} (case-insensitive, surrounding blanks ignored).
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static Backend of(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Backend b : values()) {
      if (b.id.equals(key)) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown kernel backend '" + name + "' (property "
        + KernelProvider.PROPERTY + "): use one of " + String.join(", ", names()));
  }

  /**
   * Instantiates a concrete backend ({@link #AUTO} is composed by {@link KernelProvider}).
   *
   * @throws UnsupportedOperationException with the reason if it cannot load on this machine
   */
  Kernels load() {
    if (className == null) {
      throw new IllegalStateException(id + " is composed from the other backends");
    }
    if (this == PANAMA && ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      throw new UnsupportedOperationException("the Vector API module is not present: run java"
          + " with --add-modules jdk.incubator.vector");
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, Backend.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UnsupportedOperationException(this == OPENBLAS
          ? "the optional module gmmvi-kernels-openblas is not on the class path (add the"
              + " dependency org.gmmvi:gmmvi-kernels-openblas)"
          : "class " + className + " cannot load: " + e, e);
    }
    try {
      return (Kernels) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof UnsupportedOperationException u) {
        throw u;
      }
      throw new UnsupportedOperationException(id + " backend failed to start: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new UnsupportedOperationException(id + " backend failed to start: " + e, e);
    }
  }
}
