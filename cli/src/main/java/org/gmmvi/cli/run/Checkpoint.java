package org.gmmvi.cli.run;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.cli.io.AtomicFiles;
import org.gmmvi.cli.io.Json;
import org.gmmvi.core.optimizer.OptimizerState;

/**
 * A run checkpoint ({@code checkpoint.bin}): the optimizer's complete {@code OptimizerState} and the
 * runner's own counters in one file, so both are replaced together atomically.
 *
 * <p>Layout: the magic {@code "GMMVI-RUN-CKPT"} (14 ASCII bytes), an {@code int} format version
 * (1), an {@code int} length and that many bytes of UTF-8 JSON with the runner state, a
 * {@code long} length and that many bytes of optimizer state ({@link OptimizerState#writeTo}).
 * Big-endian ({@link DataOutputStream}). The state is streamed in both directions, never held as one
 * byte array: a database of millions of samples makes states of several GB.
 *
 * @param runner      runner counters ({@code iteration}, {@code wall_seconds}, {@code dropped_samples},
 *                    {@code codeword}, {@code problem}, {@code seed})
 * @param file        the checkpoint file
 * @param stateOffset position of the optimizer state in the file
 * @param stateLength length of the optimizer state in bytes
 */
public record Checkpoint(Map<String, Object> runner, Path file, long stateOffset,
    long stateLength) {

  /** File name inside a run directory. */
  public static final String FILE = "checkpoint.bin";
  private static final byte[] MAGIC = "GMMVI-RUN-CKPT".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  /** Writes a checkpoint of {@code state} with the runner counters atomically into {@code dir}. */
  public static void write(Path dir, Map<String, Object> runner, OptimizerState state)
      throws IOException {
    byte[] json = Json.toJson(runner).getBytes(StandardCharsets.UTF_8);
    long length = state.serializedSize();
    AtomicFiles.write(dir.resolve(FILE), out -> {
      DataOutputStream d = new DataOutputStream(out);
      d.write(MAGIC);
      d.writeInt(VERSION);
      d.writeInt(json.length);
      d.write(json);
      d.writeLong(length);
      d.flush();
      state.writeTo(out);
      out.flush();
    });
  }

  /** Whether {@code dir} holds a checkpoint. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  /**
   * Reads the header of the checkpoint of {@code dir} (runner counters and where the state is).
   *
   * @throws UsageException if the file is not a checkpoint of this format
   */
  public static Checkpoint read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    long size = Files.size(f);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new UsageException(f + " is not a gmmvi run checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new UsageException(f + " has checkpoint format version " + version
            + ", this runner reads version " + VERSION);
      }
      int jsonLength = in.readInt();
      if (jsonLength < 0 || jsonLength > size) {
        throw new UsageException(f + " is truncated or corrupt");
      }
      byte[] json = new byte[jsonLength];
      in.readFully(json);
      long n = in.readLong();
      long offset = MAGIC.length + 4 + 4 + jsonLength + 8;
      if (n < 0 || offset + n != size) {
        throw new UsageException(f + " is truncated or corrupt");
      }
      Map<String, Object> runner = new com.fasterxml.jackson.databind.ObjectMapper()
          .readValue(json, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
      return new Checkpoint(runner, f, offset, n);
    } catch (java.io.EOFException | com.fasterxml.jackson.core.JacksonException e) {
      throw new UsageException(f + " is truncated or corrupt", e);
    }
  }

  /**
   * Streams the optimizer state out of the file.
   *
   * @throws org.gmmvi.core.optimizer.OptimizerState.InvalidStateException if it is corrupt or incompatible
   */
  public OptimizerState state() {
    return OptimizerState.readFrom(() -> {
      InputStream in = Files.newInputStream(file);
      in.skipNBytes(stateOffset);
      return in;
    }, stateLength);
  }
}
