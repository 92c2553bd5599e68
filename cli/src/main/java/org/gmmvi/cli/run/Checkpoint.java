package org.gmmvi.cli.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gmmvi.cli.UsageException;
import org.gmmvi.cli.io.AtomicFiles;
import org.gmmvi.cli.io.Json;

/**
 * A run checkpoint ({@code checkpoint.bin}): the optimizer's complete {@code OptimizerState} bytes
 * and the runner's own counters in one file, so both are replaced together atomically.
 *
 * <p>Layout: the magic {@code "GMMVI-RUN-CKPT"} (14 ASCII bytes), an {@code int} format version
 * (1), an {@code int} length and that many bytes of UTF-8 JSON with the runner state, a
 * {@code long} length and that many bytes of optimizer state. Big-endian ({@link DataOutputStream}).
 *
 * @param runner   runner counters ({@code iteration}, {@code wall_seconds}, {@code dropped_samples},
 *                 {@code codeword}, {@code problem}, {@code seed})
 * @param optimizer the bytes of {@code OptimizerState.toBytes()}
 */
public record Checkpoint(Map<String, Object> runner, byte[] optimizer) {

  /** File name inside a run directory. */
  public static final String FILE = "checkpoint.bin";
  private static final byte[] MAGIC = "GMMVI-RUN-CKPT".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  /** Writes the checkpoint atomically into {@code dir}. */
  public void write(Path dir) throws IOException {
    byte[] json = Json.toJson(runner).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(FILE), out -> {
      DataOutputStream d = new DataOutputStream(out);
      d.write(MAGIC);
      d.writeInt(VERSION);
      d.writeInt(json.length);
      d.write(json);
      d.writeLong(optimizer.length);
      d.write(optimizer);
      d.flush();
    });
  }

  /** Whether {@code dir} holds a checkpoint. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  /**
   * Reads the checkpoint of {@code dir}.
   *
   * @throws UsageException if the file is not a checkpoint of this format
   */
  public static Checkpoint read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    byte[] all = Files.readAllBytes(f);
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all))) {
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
      if (jsonLength < 0 || jsonLength > all.length) {
        throw new UsageException(f + " is truncated or corrupt");
      }
      byte[] json = new byte[jsonLength];
      in.readFully(json);
      long n = in.readLong();
      if (n < 0 || n > all.length) {
        throw new UsageException(f + " is truncated or corrupt");
      }
      byte[] state = new byte[(int) n];
      in.readFully(state);
      Map<String, Object> runner = new com.fasterxml.jackson.databind.ObjectMapper()
          .readValue(json, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
      return new Checkpoint(runner, state);
    } catch (java.io.EOFException | com.fasterxml.jackson.core.JacksonException e) {
      throw new UsageException(f + " is truncated or corrupt", e);
    }
  }
}
