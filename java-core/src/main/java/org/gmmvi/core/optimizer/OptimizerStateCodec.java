package org.gmmvi.core.optimizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import org.gmmvi.core.optimizer.OptimizerState.BookkeepingSnapshot;
import org.gmmvi.core.optimizer.OptimizerState.Generators;
import org.gmmvi.core.optimizer.OptimizerState.Header;
import org.gmmvi.core.optimizer.OptimizerState.InvalidStateException;
import org.gmmvi.core.optimizer.OptimizerState.ModelSnapshot;
import org.gmmvi.core.optimizer.OptimizerState.ModuleStates;
import org.gmmvi.core.sample.SampleDatabase;

/**
 * The binary format of an {@link OptimizerState}, one writer and one reader per part.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): the magic {@code "GMMVISTA"}, the format
 * version ({@value #FORMAT_VERSION}), then the parts in record order: the header (codeword,
 * dimension, diagonal flag, config fingerprint, seed, iteration, dropped-sample counter), the model,
 * the bookkeeping, the database, the module states, the generators, and finally a CRC32 of
 * everything before it as a {@code long}. Arrays are an {@code int} length followed by the values
 * (doubles as raw bits). Corrupt, truncated or incompatible input gives an
 * {@link InvalidStateException}.
 *
 * <p>Versions: 3 stores the gradients of the database's newest samples only (those a selection
 * window can still reach); 2 stored all of them. Both have the same layout, so version 2 states are
 * still read (a full gradient array is a window that covers the whole database); writing always
 * produces version 3.
 */
final class OptimizerStateCodec {

  /** Current binary format version. */
  static final int FORMAT_VERSION = 3;

  /** Oldest binary format version this build still reads. */
  static final int OLDEST_READABLE_VERSION = 2;

  private static final byte[] MAGIC = "GMMVISTA".getBytes(StandardCharsets.US_ASCII);

  private OptimizerStateCodec() {}

  // ---------------------------------------------------------------- writing

  /**
   * Streams the binary form to {@code out}: the body, then its CRC32 as a big-endian {@code long}.
   * Nothing is copied in memory, so states larger than a Java array (a sample database of millions of
   * samples) can be checkpointed. Does not close {@code out}.
   */
  static void write(OptimizerState s, OutputStream out) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream body = new DataOutputStream(
        new BufferedOutputStream(new CheckedOutputStream(out, crc), 1 << 16));
    body.write(MAGIC);
    body.writeInt(FORMAT_VERSION);
    writeHeader(body, s.header());
    writeModel(body, s.model());
    writeBookkeeping(body, s.bookkeeping());
    writeDatabase(body, s.database());
    writeModules(body, s.modules());
    writeGenerators(body, s.generators());
    body.flush();
    DataOutputStream trailer = new DataOutputStream(out);
    trailer.writeLong(crc.getValue());
    trailer.flush();
  }

  /** The number of bytes {@link #write} writes (computed by a counting pass, no buffer). */
  static long size(OptimizerState s) {
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
      write(s, counter);
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen with a counting stream", e);
    }
    return count[0];
  }

  private static void writeHeader(DataOutputStream out, Header h) throws IOException {
    out.writeUTF(h.codeword());
    out.writeInt(h.dimension());
    out.writeBoolean(h.diagonal());
    out.writeUTF(h.fingerprint());
    out.writeLong(h.seed());
    out.writeInt(h.iteration());
    out.writeLong(h.totalDropped());
  }

  private static void writeModel(DataOutputStream out, ModelSnapshot m) throws IOException {
    writeDoubles(out, m.logWeights());
    writeDoubles(out, m.means());
    writeDoubles(out, m.chols());
  }

  private static void writeBookkeeping(DataOutputStream out, BookkeepingSnapshot b)
      throws IOException {
    out.writeInt(b.historyLength());
    writeDoubles(out, b.stepsize());
    writeDoubles(out, b.l2reg());
    writeDoubles(out, b.lastEta());
    writeDoubles(out, b.numUpdates());
    writeDoubles(out, b.rewardHistory());
    writeDoubles(out, b.weightHistory());
    writeLongs(out, b.uniqueId());
    out.writeLong(b.nextId());
  }

  private static void writeDatabase(DataOutputStream out, SampleDatabase.Snapshot s)
      throws IOException {
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
  }

  private static void writeModules(DataOutputStream out, ModuleStates m) throws IOException {
    writeDoubles(out, m.adaptation());
    writeDoubles(out, m.weightStep());
  }

  private static void writeGenerators(DataOutputStream out, Generators g) throws IOException {
    writeLongs(out, g.optimizer());
    out.writeBoolean(g.target() != null);
    if (g.target() != null) {
      writeLongs(out, g.target());
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads a state of {@code length} bytes written by {@link #write}, streaming: the source is
   * opened twice, first to check magic, version and checksum, then to parse, so no copy of the
   * whole state is held in memory.
   *
   * @throws InvalidStateException for a wrong magic, an unknown version, a checksum mismatch,
   *     truncated data or inconsistent sizes
   */
  static OptimizerState read(OptimizerState.Source source, long length) {
    if (length < MAGIC.length + 12) {
      throw new InvalidStateException("not an optimizer state: " + length + " bytes is too short");
    }
    long body = length - 8;
    try {
      verify(source, body);
      try (StateInput in = new StateInput(
          new Bounded(new BufferedInputStream(source.open(), 1 << 16), body))) {
        in.readFully(new byte[MAGIC.length + 4]); // magic and version, checked by verify
        return readParts(in);
      }
    } catch (IOException | NegativeArraySizeException | OutOfMemoryError e) {
      throw new InvalidStateException("optimizer state is truncated or corrupt: " + e, e);
    }
  }

  /** Checks magic, version and the CRC32 of the {@code body} bytes before the trailer. */
  private static void verify(OptimizerState.Source source, long body) throws IOException {
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
  }

  private static OptimizerState readParts(StateInput in) throws IOException {
    Header h = readHeader(in);
    ModelSnapshot m = readModel(in, h);
    BookkeepingSnapshot b = readBookkeeping(in, m.logWeights().length);
    SampleDatabase.Snapshot db = readDatabase(in, h);
    ModuleStates modules = new ModuleStates(readDoubles(in), readDoubles(in));
    Generators g = readGenerators(in);
    if (in.read() != -1) {
      throw new InvalidStateException("optimizer state has trailing data");
    }
    return new OptimizerState(h, m, b, db, modules, g);
  }

  private static Header readHeader(StateInput in) throws IOException {
    return new Header(in.readUTF(), in.readInt(), in.readBoolean(), in.readUTF(), in.readLong(),
        in.readInt(), in.readLong());
  }

  private static ModelSnapshot readModel(StateInput in, Header h) throws IOException {
    double[] logw = readDoubles(in);
    double[] means = readDoubles(in);
    double[] chols = readDoubles(in);
    int d = h.dimension();
    int k = logw.length;
    require(d >= 1 && k >= 1 && means.length == k * d && chols.length == k * perComponent(h),
        "model arrays do not match K=" + k + ", D=" + d);
    return new ModelSnapshot(logw, means, chols);
  }

  private static BookkeepingSnapshot readBookkeeping(StateInput in, int k) throws IOException {
    int lh = in.readInt();
    BookkeepingSnapshot b = new BookkeepingSnapshot(lh, readDoubles(in), readDoubles(in),
        readDoubles(in), readDoubles(in), readDoubles(in), readDoubles(in), readLongs(in),
        in.readLong());
    require(lh >= 2 && b.stepsize().length == k && b.l2reg().length == k
        && b.lastEta().length == k && b.numUpdates().length == k
        && b.rewardHistory().length == k * lh && b.weightHistory().length == k * lh
        && b.uniqueId().length == k, "bookkeeping arrays do not match K=" + k + ", Lh=" + lh);
    return b;
  }

  private static SampleDatabase.Snapshot readDatabase(StateInput in, Header h)
      throws IOException {
    int d = h.dimension();
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
        && gm.length == (long) (ng - gBase) * d
        && gc.length == (long) (ng - gBase) * perComponent(h),
        "database arrays do not match size=" + size);
    for (int g : map) {
      require(g >= 0 && g < ng, "database mapping entry " + g + " is not a Gaussian index");
    }
    return new SampleDatabase.Snapshot(size, x, lp, grad, map, ng, gBase, gm, gc, written);
  }

  private static Generators readGenerators(StateInput in) throws IOException {
    long[] rng = readLongs(in);
    long[] trng = in.readBoolean() ? readLongs(in) : null;
    require(rng.length == 6 && (trng == null || trng.length == 6),
        "generator states need 6 longs");
    return new Generators(rng, trng);
  }

  /** Values per Cholesky factor: {@code D} (diagonal) or {@code D²}. */
  private static int perComponent(Header h) {
    return h.diagonal() ? h.dimension() : h.dimension() * h.dimension();
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new InvalidStateException("optimizer state is inconsistent: " + what);
    }
  }

  // ---------------------------------------------------------------- arrays

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

  /** An array length that the remaining input can hold ({@code bytesPer} bytes per value). */
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

  // ---------------------------------------------------------------- streams

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
}
