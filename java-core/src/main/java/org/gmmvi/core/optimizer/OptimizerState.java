package org.gmmvi.core.optimizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.gmmvi.core.sample.SampleDatabase;

/**
 * The complete state of a {@link GmmviOptimizer}: model, bookkeeping, sample database, module states,
 * every random generator (the optimizer's and a {@link org.gmmvi.core.target.RandomizedTarget}'s),
 * counters, and a header naming codeword, dimension and config fingerprint. Resuming it with the same
 * configuration continues bit-identically.
 *
 * <p>Binary format (big-endian, {@link DataOutputStream}): the magic {@code "GMMVISTA"}, the format
 * version ({@value #FORMAT_VERSION}), then the header (codeword, dimension, diagonal flag, config
 * fingerprint, seed, iteration, dropped-sample counter), the model, the bookkeeping, the database, the
 * module states, the generators, and finally a CRC32 of everything before it. Corrupt, truncated or
 * incompatible input gives an {@link InvalidStateException}.
 *
 * <p>Versions: 3 stores the gradients of the database's newest samples only (those a selection
 * window can still reach); 2 stored all of them. Version 2 states are still read (a full gradient
 * array is a window that covers the whole database).
 */
public final class OptimizerState {

  /** Current binary format version. */
  public static final int FORMAT_VERSION = 3;

  /** Oldest binary format version this build still reads. */
  public static final int OLDEST_READABLE_VERSION = 2;

  private static final byte[] MAGIC = "GMMVISTA".getBytes(StandardCharsets.US_ASCII);

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

  final String codeword;
  final int dimension;
  final boolean diagonal;
  final String fingerprint;
  final long seed;
  final int iteration;
  final long totalDropped;
  // model
  final double[] logWeights;
  final double[] means;
  final double[] chols;
  // bookkeeping
  final int historyLength;
  final double[] stepsize;
  final double[] l2reg;
  final double[] lastEta;
  final double[] numUpdates;
  final double[] rewardHistory;
  final double[] weightHistory;
  final long[] uniqueId;
  final long nextId;
  // database, modules, generators
  final SampleDatabase.Snapshot database;
  final double[] adaptationState;
  final double[] weightStepState;
  final long[] rngState;
  final long[] targetRngState;

  OptimizerState(String codeword, int dimension, boolean diagonal, String fingerprint, long seed,
      int iteration, long totalDropped, double[] logWeights, double[] means, double[] chols,
      int historyLength, double[] stepsize, double[] l2reg, double[] lastEta,
      double[] numUpdates, double[] rewardHistory, double[] weightHistory, long[] uniqueId,
      long nextId, SampleDatabase.Snapshot database, double[] adaptationState,
      double[] weightStepState, long[] rngState, long[] targetRngState) {
    this.codeword = codeword;
    this.dimension = dimension;
    this.diagonal = diagonal;
    this.fingerprint = fingerprint;
    this.seed = seed;
    this.iteration = iteration;
    this.totalDropped = totalDropped;
    this.logWeights = logWeights;
    this.means = means;
    this.chols = chols;
    this.historyLength = historyLength;
    this.stepsize = stepsize;
    this.l2reg = l2reg;
    this.lastEta = lastEta;
    this.numUpdates = numUpdates;
    this.rewardHistory = rewardHistory;
    this.weightHistory = weightHistory;
    this.uniqueId = uniqueId;
    this.nextId = nextId;
    this.database = database;
    this.adaptationState = adaptationState;
    this.weightStepState = weightStepState;
    this.rngState = rngState;
    this.targetRngState = targetRngState;
  }

  /** The codeword of the run that saved this state. */
  public String codeword() {
    return codeword;
  }

  /** The target dimension. */
  public int dimension() {
    return dimension;
  }

  /** Completed iterations. */
  public int iteration() {
    return iteration;
  }

  /** Number of components. */
  public int numComponents() {
    return logWeights.length;
  }

  /** The fingerprint of the algorithm configuration ({@code GmmviConfig.fingerprint()}). */
  public String configFingerprint() {
    return fingerprint;
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
   * Streams the binary form to {@code out}: the body, then its CRC32 as a big-endian {@code long}.
   * Nothing is copied in memory, so states larger than a Java array (a sample database of millions of
   * samples) can be checkpointed. Does not close {@code out}.
   */
  public void writeTo(OutputStream out) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream body = new DataOutputStream(
        new BufferedOutputStream(new CheckedOutputStream(out, crc), 1 << 16));
    writeBody(body);
    body.flush();
    DataOutputStream trailer = new DataOutputStream(out);
    trailer.writeLong(crc.getValue());
    trailer.flush();
  }

  /** The number of bytes {@link #writeTo} writes (computed by a counting pass, no buffer). */
  public long serializedSize() {
    long[] count = new long[1];
    OutputStream counter = new OutputStream() {
      @Override
      public void write(int b) {
        count[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        count[0] += len;
      }
    };
    try {
      writeTo(counter);
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen with a counting stream", e);
    }
    return count[0];
  }

  private void writeBody(DataOutputStream out) throws IOException {
    out.write(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeUTF(codeword);
    out.writeInt(dimension);
    out.writeBoolean(diagonal);
    out.writeUTF(fingerprint);
    out.writeLong(seed);
    out.writeInt(iteration);
    out.writeLong(totalDropped);
    writeDoubles(out, logWeights);
    writeDoubles(out, means);
    writeDoubles(out, chols);
    out.writeInt(historyLength);
    writeDoubles(out, stepsize);
    writeDoubles(out, l2reg);
    writeDoubles(out, lastEta);
    writeDoubles(out, numUpdates);
    writeDoubles(out, rewardHistory);
    writeDoubles(out, weightHistory);
    writeLongs(out, uniqueId);
    out.writeLong(nextId);
    SampleDatabase.Snapshot s = database;
    out.writeInt(s.size());
    writeDoubles(out, s.x());
    writeDoubles(out, s.logP());
    writeDoubles(out, s.grad());
    writeInts(out, s.mapping());
    out.writeInt(s.numGaussians());
    out.writeInt(s.firstRetainedGaussian());
    writeDoubles(out, s.gaussianMeans());
    writeDoubles(out, s.gaussianChols());
    out.writeLong(s.numSamplesWritten());
    writeDoubles(out, adaptationState);
    writeDoubles(out, weightStepState);
    writeLongs(out, rngState);
    out.writeBoolean(targetRngState != null);
    if (targetRngState != null) {
      writeLongs(out, targetRngState);
    }
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
   * Reads a state of {@code length} bytes written by {@link #writeTo}, streaming: the source is
   * opened twice, first to check magic, version and checksum, then to parse, so no copy of the
   * whole state is held in memory.
   *
   * @throws InvalidStateException for a wrong magic, an unknown version, a checksum mismatch,
   *     truncated data or inconsistent sizes
   */
  public static OptimizerState readFrom(Source source, long length) {
    if (length < MAGIC.length + 12) {
      throw new InvalidStateException("not an optimizer state: " + length + " bytes is too short");
    }
    long body = length - 8;
    try {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(source.open(), 1 << 16))) {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
          throw new InvalidStateException("not an optimizer state: the data does not start with "
              + "\"GMMVISTA\"");
        }
        int version = in.readInt();
        if (version < OLDEST_READABLE_VERSION || version > FORMAT_VERSION) {
          throw new InvalidStateException("optimizer state format version " + version
              + " is not supported (this build reads versions " + OLDEST_READABLE_VERSION + " to "
              + FORMAT_VERSION + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(magic);
        crc.update(new byte[] {(byte) (version >>> 24), (byte) (version >>> 16),
            (byte) (version >>> 8), (byte) version});
        byte[] buf = new byte[1 << 16];
        long left = body - MAGIC.length - 4;
        while (left > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            throw new EOFException();
          }
          crc.update(buf, 0, n);
          left -= n;
        }
        if (in.readLong() != crc.getValue()) {
          throw new InvalidStateException("optimizer state is corrupt: checksum mismatch");
        }
      }
      try (StateInput in = new StateInput(
          new Bounded(new BufferedInputStream(source.open(), 1 << 16), body))) {
        in.readFully(new byte[MAGIC.length + 4]); // magic and version, checked above
        return read(in);
      }
    } catch (IOException | NegativeArraySizeException | OutOfMemoryError e) {
      throw new InvalidStateException("optimizer state is truncated or corrupt: " + e, e);
    }
  }

  /**
   * The parser's input: a data stream over a {@link Bounded} stream, so the number of bytes left
   * is known exactly as a {@code long} (states beyond 2 GB are normal for long runs: a
   * 14 M-sample breast_cancer database is 4.7 GB, and {@link InputStream#available()} saturates
   * at {@code Integer.MAX_VALUE}).
   */
  static final class StateInput extends DataInputStream {
    private final Bounded bounded;

    StateInput(Bounded bounded) {
      super(bounded);
      this.bounded = bounded;
    }

    /** Bytes of the state body not yet consumed. */
    long remaining() {
      return bounded.remaining();
    }
  }

  /** An input stream that ends after {@code limit} bytes and reports the remaining count. */
  static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, Math.max(left, 0)));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** Bytes left before the limit, exact and unbounded by {@code Integer.MAX_VALUE}. */
    long remaining() {
      return Math.max(left, 0);
    }
  }

  private static OptimizerState read(StateInput in) throws IOException {
    String codeword = in.readUTF();
    int d = in.readInt();
    boolean diagonal = in.readBoolean();
    String fp = in.readUTF();
    long seed = in.readLong();
    int iteration = in.readInt();
    long dropped = in.readLong();
    double[] logw = readDoubles(in);
    double[] means = readDoubles(in);
    double[] chols = readDoubles(in);
    int k = logw.length;
    int per = diagonal ? d : d * d;
    require(d >= 1 && k >= 1 && means.length == k * d && chols.length == k * per,
        "model arrays do not match K=" + k + ", D=" + d);
    int lh = in.readInt();
    double[] step = readDoubles(in);
    double[] l2 = readDoubles(in);
    double[] eta = readDoubles(in);
    double[] nup = readDoubles(in);
    double[] rh = readDoubles(in);
    double[] wh = readDoubles(in);
    long[] ids = readLongs(in);
    long nextId = in.readLong();
    require(lh >= 2 && step.length == k && l2.length == k && eta.length == k && nup.length == k
        && rh.length == k * lh && wh.length == k * lh && ids.length == k,
        "bookkeeping arrays do not match K=" + k + ", Lh=" + lh);
    int size = in.readInt();
    double[] x = readDoubles(in);
    double[] lp = readDoubles(in);
    double[] grad = readDoubles(in);
    int[] map = readInts(in);
    int ng = in.readInt();
    int gBase = in.readInt();
    double[] gm = readDoubles(in);
    double[] gc = readDoubles(in);
    long written = in.readLong();
    require(size >= 0 && x.length == (long) size * d && lp.length == size && map.length == size
        && grad.length % d == 0 && grad.length <= (long) size * d && gBase >= 0 && gBase <= ng
        && gm.length == (long) (ng - gBase) * d && gc.length == (long) (ng - gBase) * per,
        "database arrays do not match size=" + size);
    for (int g : map) {
      require(g >= 0 && g < ng, "database mapping entry " + g + " is not a Gaussian index");
    }
    SampleDatabase.Snapshot db = new SampleDatabase.Snapshot(size, x, lp, grad, map, ng, gBase,
        gm, gc, written);
    double[] ad = readDoubles(in);
    double[] ws = readDoubles(in);
    long[] rng = readLongs(in);
    long[] trng = in.readBoolean() ? readLongs(in) : null;
    require(rng.length == 6 && (trng == null || trng.length == 6), "generator states need 6 longs");
    if (in.read() != -1) {
      throw new InvalidStateException("optimizer state has trailing data");
    }
    return new OptimizerState(codeword, d, diagonal, fp, seed, iteration, dropped, logw, means,
        chols, lh, step, l2, eta, nup, rh, wh, ids, nextId, db, ad, ws, rng, trng);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new InvalidStateException("optimizer state is inconsistent: " + what);
    }
  }

  private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeLong(Double.doubleToRawLongBits(v));
    }
  }

  private static void writeLongs(DataOutputStream out, long[] a) throws IOException {
    out.writeInt(a.length);
    for (long v : a) {
      out.writeLong(v);
    }
  }

  private static void writeInts(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) {
      out.writeInt(v);
    }
  }

  static int readLength(StateInput in, int bytesPer) throws IOException {
    int n = in.readInt();
    if (n < 0 || (long) n * bytesPer > in.remaining()) {
      throw new InvalidStateException("optimizer state is truncated or corrupt: array length " + n);
    }
    return n;
  }

  private static double[] readDoubles(StateInput in) throws IOException {
    double[] a = new double[readLength(in, 8)];
    for (int i = 0; i < a.length; i++) {
      a[i] = Double.longBitsToDouble(in.readLong());
    }
    return a;
  }

  private static long[] readLongs(StateInput in) throws IOException {
    long[] a = new long[readLength(in, 8)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readLong();
    }
    return a;
  }

  private static int[] readInts(StateInput in) throws IOException {
    int[] a = new int[readLength(in, 4)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readInt();
    }
    return a;
  }
}
