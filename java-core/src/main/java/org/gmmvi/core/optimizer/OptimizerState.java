package org.gmmvi.core.optimizer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.gmmvi.core.sample.SampleDatabase;

/**
 * The complete state of a {@link GmmviOptimizer}, as a record of part snapshots: a header naming
 * codeword, dimension and config fingerprint, the model, the bookkeeping, the sample database, the
 * module states and every random generator (the optimizer's and a
 * {@link org.gmmvi.core.target.RandomizedTarget}'s). Resuming it with the same configuration
 * continues bit-identically. The binary format is {@link OptimizerStateCodec}'s; the methods here
 * delegate to it.
 *
 * <p>The parts hold arrays, so two states compare equal only if they share them; compare
 * {@link #toBytes()} for content.
 *
 * @param header      what the state belongs to, and the counters
 * @param model       the mixture
 * @param bookkeeping the per-component bookkeeping
 * @param database    the sample database
 * @param modules     the states of the modules that keep one ({@link org.gmmvi.core.model.ModuleState})
 * @param generators  the random generators
 */
public record OptimizerState(Header header, ModelSnapshot model, BookkeepingSnapshot bookkeeping,
    SampleDatabase.Snapshot database, ModuleStates modules, Generators generators) {

  /** A state that cannot be read or does not fit the optimizer it is resumed into. */
  public static final class InvalidStateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidStateException(String message) {
      super(message);
    }

    public InvalidStateException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What the state belongs to, and the run's counters.
   *
   * @param codeword     the codeword of the run, e.g. {@code "SAMTRON"}
   * @param dimension    the target dimension {@code D}
   * @param diagonal     whether the covariances are diagonal
   * @param fingerprint  {@code GmmviConfig.fingerprint()} of the run's configuration
   * @param seed         the seed the run was started with
   * @param iteration    completed iterations
   * @param totalDropped samples dropped because their evaluation failed
   */
  public record Header(String codeword, int dimension, boolean diagonal, String fingerprint,
      long seed, int iteration, long totalDropped) {}

  /**
   * The mixture of {@code K} components.
   *
   * @param logWeights {@code [K]}
   * @param means      {@code [K·D]}, row-major
   * @param chols      {@code [K·D·D]} lower Cholesky factors, or {@code [K·D]} for diagonal ones
   */
  public record ModelSnapshot(double[] logWeights, double[] means, double[] chols) {}

  /**
   * The per-component bookkeeping (ALGORITHM.md §1.4), {@code K} components, history length
   * {@code Lh}.
   *
   * @param historyLength {@code Lh}
   * @param stepsize      {@code [K]}
   * @param l2reg         {@code [K]}
   * @param lastEta       {@code [K]}
   * @param numUpdates    {@code [K]}
   * @param rewardHistory {@code [K·Lh]}
   * @param weightHistory {@code [K·Lh]}
   * @param uniqueId      {@code [K]}
   * @param nextId        the next unique id
   */
  public record BookkeepingSnapshot(int historyLength, double[] stepsize, double[] l2reg,
      double[] lastEta, double[] numUpdates, double[] rewardHistory, double[] weightHistory,
      long[] uniqueId, long nextId) {}

  /**
   * The {@link org.gmmvi.core.model.ModuleState#saveState()} output of the stateful modules.
   *
   * @param adaptation the component adaptation's (position 2)
   * @param weightStep the weight step size's (position 7)
   */
  public record ModuleStates(double[] adaptation, double[] weightStep) {}

  /**
   * The random generators' states (6 longs each).
   *
   * @param optimizer the optimizer's generator
   * @param target    a randomized target's generator, or {@code null} for a deterministic target
   */
  public record Generators(long[] optimizer, long[] target) {}

  /** The codeword of the run that saved this state. */
  public String codeword() {
    return header.codeword();
  }

  /** The target dimension. */
  public int dimension() {
    return header.dimension();
  }

  /** Completed iterations. */
  public int iteration() {
    return header.iteration();
  }

  /** Number of components. */
  public int numComponents() {
    return model.logWeights().length;
  }

  /** The fingerprint of the algorithm configuration ({@code GmmviConfig.fingerprint()}). */
  public String configFingerprint() {
    return header.fingerprint();
  }

  // ---------------------------------------------------------------- binary format

  /** The versioned binary form (see {@link #writeTo}); for states that fit in a byte array. */
  public byte[] toBytes() {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try {
      writeTo(bos);
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen with a byte array stream", e);
    }
    return bos.toByteArray();
  }

  /**
   * Streams the binary form to {@code out} ({@link OptimizerStateCodec#write}). Does not close
   * {@code out}.
   */
  public void writeTo(OutputStream out) throws IOException {
    OptimizerStateCodec.write(this, out);
  }

  /** The number of bytes {@link #writeTo} writes (computed by a counting pass, no buffer). */
  public long serializedSize() {
    return OptimizerStateCodec.size(this);
  }

  /**
   * Reads {@link #toBytes()} output.
   *
   * @throws InvalidStateException for a wrong magic, an unknown version, a checksum mismatch,
   *     truncated data or inconsistent sizes
   */
  public static OptimizerState fromBytes(byte[] bytes) {
    if (bytes == null) {
      throw new InvalidStateException("not an optimizer state: null is too short");
    }
    return readFrom(() -> new ByteArrayInputStream(bytes), bytes.length);
  }

  /** Opens a fresh stream positioned at the first byte of a state. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /**
   * Reads a state of {@code length} bytes written by {@link #writeTo}, streaming
   * ({@link OptimizerStateCodec#read}).
   *
   * @throws InvalidStateException for a wrong magic, an unknown version, a checksum mismatch,
   *     truncated data or inconsistent sizes
   */
  public static OptimizerState readFrom(Source source, long length) {
    return OptimizerStateCodec.read(source, length);
  }
}
