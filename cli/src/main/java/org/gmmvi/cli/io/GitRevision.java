package org.gmmvi.cli.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The git revision of the checkout, read from the {@code .git} files without spawning
 * {@code git}: {@code HEAD} is either a commit id or {@code ref: refs/heads/NAME}, resolved through
 * the loose ref file or {@code packed-refs}. Linked worktrees ({@code .git} is a file
 * {@code gitdir: PATH}, shared refs in the {@code commondir}) are supported. Anything unexpected
 * gives {@code "unknown"}.
 */
public final class GitRevision {

  private GitRevision() {}

  /** The revision of the checkout containing {@code start} (searching upwards), or "unknown". */
  public static String of(Path start) {
    try {
      for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
        Path dotGit = p.resolve(".git");
        if (Files.exists(dotGit)) {
          return resolve(gitDir(dotGit));
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }

  /** The revision of the project at system property {@code gmmvi.home}, else the working dir. */
  public static String ofProject() {
    String home = System.getProperty("gmmvi.home");
    return of(Path.of(home != null && !home.isBlank() ? home : "."));
  }

  private static Path gitDir(Path dotGit) throws IOException {
    if (Files.isDirectory(dotGit)) {
      return dotGit;
    }
    String s = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
    if (!s.startsWith("gitdir:")) {
      throw new IOException("unexpected .git file");
    }
    return dotGit.getParent().resolve(s.substring("gitdir:".length()).trim()).normalize();
  }

  private static String resolve(Path gitDir) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
    if (!head.startsWith("ref:")) {
      return isSha(head) ? head : "unknown";
    }
    String ref = head.substring(4).trim();
    Path common = gitDir;
    Path commonFile = gitDir.resolve("commondir");
    if (Files.exists(commonFile)) {
      common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
    }
    for (Path dir : new Path[] {gitDir, common}) {
      Path loose = dir.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String sha = Files.readString(loose, StandardCharsets.UTF_8).trim();
        if (isSha(sha)) {
          return sha;
        }
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.exists(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2 && parts[1].equals(ref) && isSha(parts[0])) {
          return parts[0];
        }
      }
    }
    return "unknown";
  }

  private static boolean isSha(String s) {
    return s.length() >= 40 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}
