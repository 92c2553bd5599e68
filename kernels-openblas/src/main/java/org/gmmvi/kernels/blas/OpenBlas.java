package org.gmmvi.kernels.blas;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import org.bytedeco.javacpp.Loader;

/**
 * FFM downcalls into the {@code libopenblas.so.0} that bytedeco's {@code openblas} jar bundles
 * (0.3.31, linux-x86_64). JavaCPP's {@link Loader} unpacks and loads the library; the handles are
 * then bound with {@link Linker.Option#critical(boolean) critical(true)}, which passes heap
 * {@code double[]} to native code without copying (JavaCPP's array overloads copy the whole array
 * in and out on every call). Critical calls must be short and must not call back into Java; BLAS
 * calls on the matrix sizes used here qualify.
 *
 * <p>Threads: the library is set to {@value #DEFAULT_THREADS} BLAS thread on load (property
 * {@code gmmvi.kernels.blas.threads} overrides), because the optimizer parallelises over
 * components itself and the matrices are small; OpenBLAS's own threads would oversubscribe.
 *
 * <p>Constants are the CBLAS/LAPACKE enum values.
 */
final class OpenBlas {

  static final int ROW_MAJOR = 101;
  static final int COL_MAJOR = 102;
  static final int NO_TRANS = 111;
  static final int TRANS = 112;
  static final int UPPER = 121;
  static final int LOWER = 122;
  static final int NON_UNIT = 131;
  static final int LEFT = 141;
  static final int RIGHT = 142;

  /** Default number of OpenBLAS threads. */
  static final int DEFAULT_THREADS = 1;

  /** System property overriding {@link #DEFAULT_THREADS}. */
  static final String THREADS_PROPERTY = "gmmvi.kernels.blas.threads";

  private static final MethodHandle DGEMM;
  private static final MethodHandle DSYRK;
  private static final MethodHandle DTRSM;
  private static final MethodHandle DTRSV;
  private static final MethodHandle DGEMV;
  private static final MethodHandle DPOTRF;
  private static final MethodHandle DTRTRI;
  private static final MethodHandle GET_THREADS;

  static {
    SymbolLookup lib = SymbolLookup.libraryLookup(libraryPath(), Arena.global());
    Linker linker = Linker.nativeLinker();
    DGEMM = bind(linker, lib, "cblas_dgemm", null, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
        JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_DOUBLE,
        ADDRESS, JAVA_INT);
    DSYRK = bind(linker, lib, "cblas_dsyrk", null, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
        JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT);
    DTRSM = bind(linker, lib, "cblas_dtrsm", null, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
        JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    DTRSV = bind(linker, lib, "cblas_dtrsv", null, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
        JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    DGEMV = bind(linker, lib, "cblas_dgemv", null, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
        JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT);
    DPOTRF = bind(linker, lib, "LAPACKE_dpotrf", JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_INT,
        ADDRESS, JAVA_INT);
    DTRTRI = bind(linker, lib, "LAPACKE_dtrtri", JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_BYTE,
        JAVA_INT, ADDRESS, JAVA_INT);
    GET_THREADS = bind(linker, lib, "openblas_get_num_threads", JAVA_INT);
    MethodHandle setThreads = bind(linker, lib, "openblas_set_num_threads", null, JAVA_INT);
    try {
      int threads = Integer.getInteger(THREADS_PROPERTY, DEFAULT_THREADS);
      setThreads.invokeExact(threads);
    } catch (Throwable t) {
      throw new IllegalStateException("openblas_set_num_threads failed", t);
    }
  }

  private OpenBlas() {}

  /** Loads the bundled library through JavaCPP and returns the path of {@code libopenblas}. */
  private static String libraryPath() {
    Loader.load(org.bytedeco.openblas.global.openblas.class);
    for (Map.Entry<String, String> e : Loader.getLoadedLibraries().entrySet()) {
      if (e.getKey().startsWith("openblas@")) {
        return e.getValue();
      }
    }
    throw new IllegalStateException("JavaCPP loaded no libopenblas (loaded: "
        + Loader.getLoadedLibraries().keySet() + ")");
  }

  private static MethodHandle bind(Linker linker, SymbolLookup lib, String name,
      java.lang.foreign.MemoryLayout result, java.lang.foreign.MemoryLayout... args) {
    MemorySegment symbol = lib.find(name).orElseThrow(
        () -> new IllegalStateException("libopenblas does not export " + name));
    FunctionDescriptor fd = result == null ? FunctionDescriptor.ofVoid(args)
        : FunctionDescriptor.of(result, args);
    return linker.downcallHandle(symbol, fd, Linker.Option.critical(true));
  }

  /** Forces loading; throws if the library or a symbol is missing. */
  static void ensureLoaded() {
    // Class initialisation above did the work.
  }

  /** Heap segment over {@code a} starting at element {@code off}. */
  static MemorySegment at(double[] a, int off) {
    MemorySegment s = MemorySegment.ofArray(a);
    return off == 0 ? s : s.asSlice(off * 8L);
  }

  /** Number of threads OpenBLAS uses now. */
  static int threads() {
    try {
      return (int) GET_THREADS.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  static void dgemm(int transA, int transB, int m, int n, int k, double alpha, double[] a,
      int aOff, int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff,
      int ldc) {
    try {
      DGEMM.invokeExact(ROW_MAJOR, transA, transB, m, n, k, alpha, at(a, aOff), lda, at(b, bOff),
          ldb, beta, at(c, cOff), ldc);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  static void dsyrk(int uplo, int trans, int n, int k, double alpha, double[] a, int aOff,
      int lda, double beta, double[] c, int cOff, int ldc) {
    try {
      DSYRK.invokeExact(ROW_MAJOR, uplo, trans, n, k, alpha, at(a, aOff), lda, beta, at(c, cOff),
          ldc);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  static void dtrsm(int side, int uplo, int trans, int m, int n, double alpha, double[] a,
      int aOff, int lda, double[] b, int bOff, int ldb) {
    try {
      DTRSM.invokeExact(ROW_MAJOR, side, uplo, trans, NON_UNIT, m, n, alpha, at(a, aOff), lda,
          at(b, bOff), ldb);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  static void dtrsv(int uplo, int trans, int n, double[] a, int aOff, int lda, double[] x,
      int xOff) {
    try {
      DTRSV.invokeExact(ROW_MAJOR, uplo, trans, NON_UNIT, n, at(a, aOff), lda, at(x, xOff), 1);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  static void dgemv(int trans, int m, int n, double alpha, double[] a, int lda, double[] x,
      double beta, double[] y) {
    try {
      DGEMV.invokeExact(ROW_MAJOR, trans, m, n, alpha, at(a, 0), lda, at(x, 0), 1, beta,
          at(y, 0), 1);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** LAPACKE_dpotrf; returns LAPACK's {@code info} (0 on success). */
  static int dpotrf(int layout, char uplo, int n, double[] a, int aOff, int lda) {
    try {
      return (int) DPOTRF.invokeExact(layout, (byte) uplo, n, at(a, aOff), lda);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** LAPACKE_dtrtri (non-unit diagonal); returns LAPACK's {@code info}. */
  static int dtrtri(int layout, char uplo, int n, double[] a, int aOff, int lda) {
    try {
      return (int) DTRTRI.invokeExact(layout, (byte) uplo, (byte) 'N', n, at(a, aOff), lda);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("OpenBLAS downcall failed", t);
  }
}
