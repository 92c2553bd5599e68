package org.gmmvi.cli.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writer for numpy's {@code .npy} format (version 1.0) and {@code .npz} archives, so that
 * {@code numpy.load} reads the final model.
 *
 * <p>NPY 1.0 layout: the magic string {@code \x93NUMPY}, the version bytes {@code 1, 0}, a
 * little-endian {@code uint16} header length {@code HLEN}, then {@code HLEN} bytes of ASCII header
 * — a Python dict literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (a, b), }}
 * padded with spaces and terminated by {@code \n} so that {@code 10 + HLEN} is a multiple of 64 —
 * followed by the array data, here little-endian float64 in C (row-major) order.
 *
 * <p>An {@code .npz} file is a zip archive with one {@code NAME.npy} entry per array; entries are
 * stored uncompressed with a fixed time stamp, so the same arrays always give the same bytes.
 */
public final class Npy {

  /** Magic bytes at the start of every NPY file. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGN = 64;
  /** Entry time of every archive member: identical models give identical files. */
  private static final java.time.LocalDateTime FIXED_TIME =
      java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

  private Npy() {}

  /** The NPY 1.0 header (magic through padding) of a float64 C-order array of {@code shape}. */
  static byte[] header(int... shape) {
    StringBuilder dict = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (");
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0) {
        throw new IllegalArgumentException("array dimensions must be >= 0, got " + shape[i]);
      }
      dict.append(shape[i]);
      if (shape.length == 1 || i < shape.length - 1) {
        dict.append(',');
      }
      if (i < shape.length - 1) {
        dict.append(' ');
      }
    }
    dict.append("), }");
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
    dict.append(" ".repeat(pad)).append('\n');
    byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
    return b.array();
  }

  /**
   * The complete NPY 1.0 file of {@code data} (row-major) with {@code shape}.
   *
   * @throws IllegalArgumentException if the product of {@code shape} is not {@code data.length}
   */
  public static byte[] toBytes(double[] data, int... shape) {
    long n = 1;
    for (int s : shape) {
      n *= s;
    }
    if (n != data.length) {
      throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + n
          + " values but the array has " + data.length);
    }
    byte[] head = header(shape);
    ByteBuffer b = ByteBuffer.allocate(head.length + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(head);
    for (double v : data) {
      b.putDouble(v);
    }
    return b.array();
  }

  /** One named array for an NPZ archive. */
  public record Array(double[] data, int... shape) {}

  /** Writes an NPZ archive (stored entries {@code name + ".npy"}) of {@code arrays} in order. */
  public static void writeNpz(OutputStream out, Map<String, Array> arrays) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    for (Map.Entry<String, Array> e : arrays.entrySet()) {
      byte[] bytes = toBytes(e.getValue().data(), e.getValue().shape());
      ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
      entry.setMethod(ZipEntry.STORED);
      entry.setTimeLocal(FIXED_TIME);
      entry.setSize(bytes.length);
      entry.setCompressedSize(bytes.length);
      CRC32 crc = new CRC32();
      crc.update(bytes);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(bytes);
      zip.closeEntry();
    }
    zip.finish();
  }

  /** The bytes of an NPZ archive of {@code arrays}. */
  public static byte[] npzBytes(Map<String, Array> arrays) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try {
      writeNpz(bos, arrays);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory zip failed", e);
    }
    return bos.toByteArray();
  }

  /** A fresh ordered map for {@link #writeNpz}. */
  public static Map<String, Array> arrays() {
    return new LinkedHashMap<>();
  }
}
