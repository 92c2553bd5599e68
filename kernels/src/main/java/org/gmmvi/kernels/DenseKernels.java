package org.gmmvi.kernels;

/**
 * Dense linear algebra on small and medium matrices, in double precision.
 *
 * <p>Layout: every matrix is row-major in a flat array, addressed by an offset, so that stacks of
 * matrices (for example {@code K} Cholesky factors, {@code K × n × n}) live in one array. Element
 * {@code (i, j)} of the {@code n × n} matrix at offset {@code off} is {@code a[off + i*n + j]}.
 * A "lower factor" {@code L} is lower triangular with a positive diagonal; its strict upper triangle
 * is zero.
 *
 * <p>Numerical failure (a matrix that is not positive definite) is a return value, never an
 * exception. Misuse (a negative size, an array too short) throws {@link IllegalArgumentException}.
 */
public interface DenseKernels {

  /**
   * Cholesky factorisation {@code A = L Lᵀ} in place. Reads the lower triangle of {@code a}; on
   * success {@code a} holds {@code L} with its strict upper triangle set to zero.
   *
   * @return {@code false} if a pivot is not positive or not finite ({@code a} is then left in an
   *     unspecified state); {@code true} for {@code n = 0}
   */
  boolean cholesky(double[] a, int off, int n);

  /** {@code log det(L Lᵀ) = 2 Σ_i log L_ii} of a lower factor. */
  double logDetFromCholesky(double[] l, int off, int n);

  /** Forward substitution in place: {@code b ← L⁻¹ b} ({@code b} is a length-{@code n} vector). */
  void solveLower(double[] l, int lOff, int n, double[] b, int bOff);

  /** Back substitution in place: {@code b ← L⁻ᵀ b} ({@code b} is a length-{@code n} vector). */
  void solveLowerTransposed(double[] l, int lOff, int n, double[] b, int bOff);

  /**
   * Forward substitution for {@code m} right-hand sides stored as the rows of an {@code m × n}
   * row-major block: every row {@code r} becomes {@code L⁻¹ r}, i.e. {@code B ← B L⁻ᵀ}.
   */
  void solveLowerRows(double[] l, int lOff, int n, double[] b, int bOff, int m);

  /**
   * Back substitution for {@code m} right-hand sides stored as rows: every row {@code r} becomes
   * {@code L⁻ᵀ r}, i.e. {@code B ← B L⁻¹}.
   */
  void solveLowerTransposedRows(double[] l, int lOff, int n, double[] b, int bOff, int m);

  /** {@code out = L⁻¹} (lower triangular, strict upper triangle zero). {@code out} may not alias {@code l}. */
  void invertLower(double[] l, int lOff, int n, double[] out, int outOff);

  /**
   * Rank-1 update: overwrites {@code L} with the lower factor of {@code L Lᵀ + x xᵀ}. {@code x}
   * (length {@code n}) is used as workspace and destroyed. Always succeeds for finite input.
   */
  void cholUpdate(double[] l, int lOff, int n, double[] x, int xOff);

  /**
   * Rank-1 downdate: overwrites {@code L} with the lower factor of {@code L Lᵀ − x xᵀ}. {@code x} is
   * destroyed.
   *
   * @return {@code false} if the result would not be positive definite; {@code L} is then unchanged
   */
  boolean cholDowndate(double[] l, int lOff, int n, double[] x, int xOff);

  /** {@code out = L Lᵀ} (full symmetric {@code n × n}). {@code out} may not alias {@code l}. */
  void lowerTimesTranspose(double[] l, int lOff, int n, double[] out, int outOff);

  /**
   * {@code out = Lᵀ L} (full symmetric). With {@code L = chol(Σ)⁻¹} this is the precision
   * {@code Σ⁻¹ = L⁻ᵀ L⁻¹} written as {@code (L⁻¹)ᵀ (L⁻¹)}. {@code out} may not alias {@code l}.
   */
  void transposeTimesLower(double[] l, int lOff, int n, double[] out, int outOff);

  /**
   * General product {@code C = α·op(A)·op(B) + β·C}, all row-major; {@code op(A)} is {@code m × k},
   * {@code op(B)} is {@code k × n}, {@code C} is {@code m × n}. {@code transA} means {@code A} is
   * stored as {@code k × m}; {@code transB} means {@code B} is stored as {@code n × k}.
   */
  void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, double[] b, int bOff, double beta, double[] c, int cOff);

  /**
   * Symmetric rank-k product, full output: {@code C = α·A Aᵀ + β·C} with {@code A} stored
   * {@code n × k} ({@code trans = false}), or {@code C = α·Aᵀ A + β·C} with {@code A} stored
   * {@code k × n} ({@code trans = true}). {@code C} is {@code n × n}, both triangles written.
   */
  void syrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, double beta,
      double[] c, int cOff);
}
