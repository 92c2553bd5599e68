package org.gmmvi.cli.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Atomic file replacement: the content goes to a temporary file in the same directory, is forced
 * to disk ({@code fsync}), then renamed over the destination with
 * {@link StandardCopyOption#ATOMIC_MOVE}. A reader (or a run resumed after {@code kill -9}) sees
 * either the complete old file or the complete new one, never a partial file. If writing fails,
 * the temporary file is deleted and the destination is untouched.
 */
public final class AtomicFiles {

  /** Prefix of temporary files; they end in {@code .tmp}. */
  static final String TEMP_PREFIX = ".";

  private AtomicFiles() {}

  /** Produces the content of a file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the complete content to {@code out} (do not close it). */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Atomically replaces {@code file} with {@code bytes}. */
  /**
   * Deletes the temporary files that writes into {@code dir} left behind when the process was
   * killed mid-write ({@code .NAME.<digits>.tmp}); returns how many. Call only when no other
   * process writes into {@code dir}.
   */
  public static int deleteStaleTemporaries(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try (var entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(TEMP_PREFIX) && name.matches("\\..+\\.-?\\d+\\.tmp")
            && Files.isRegularFile(p)) {
          Files.deleteIfExists(p);
          n++;
        }
      }
    }
    return n;
  }

  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, out -> out.write(bytes));
  }

  /** Atomically replaces {@code file} with {@code text} (UTF-8). */
  public static void writeString(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Atomically replaces {@code file} with what {@code content} writes. Parent directories are
   * created.
   */
  public static void write(Path file, Content content) throws IOException {
    try {
      writeAtomically(file, content);
    } catch (IOException e) {
      throw new IOException("cannot write '" + file + "': " + describe(e), e);
    }
  }

  /** The reason of an I/O failure without the exception class ("No space left on device"). */
  private static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fe && fe.getReason() != null) {
      return fe.getReason();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static void writeAtomically(Path file, Content content) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, TEMP_PREFIX + abs.getFileName() + ".", ".tmp");
    boolean moved = false;
    try {
      readableByAll(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = Channels.newOutputStream(ch);
        content.writeTo(out);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + dir + " does not support atomic renames", e);
      }
      moved = true;
      syncDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Temporary files are created owner-only; results are ordinary readable files (rw-r--r--). */
  private static void readableByAll(Path tmp) throws IOException {
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
  }

  /** Forces the directory entry to disk where the platform allows it (best effort). */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open or sync a directory; the rename itself is still atomic.
    }
  }
}
