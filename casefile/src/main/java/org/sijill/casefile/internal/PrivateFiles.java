package org.sijill.casefile.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders and files only their owner may open (0700 and 0600): the data directory holds names of
 * the dead and of witnesses. On a file system without POSIX permissions (Windows) nothing is
 * changed; there the data directory must live in the user's own profile.
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  /** Creates {@code dir} (and missing parents) if needed, and makes it 0700. */
  public static Path directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    restrict(dir, "rwx------");
    return dir;
  }

  /** Makes an existing file 0600. */
  public static void file(Path file) throws IOException {
    restrict(file, "rw-------");
  }

  /**
   * Reads a secret kept in {@code file}, creating it (0600, before anything is written) with {@code
   * fresh} when it does not exist yet.
   */
  public static String secret(Path file, java.util.function.Supplier<String> fresh)
      throws IOException {
    if (!Files.exists(file)) {
      try {
        if (posix(file.toAbsolutePath().getParent())) {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.createFile(file);
        }
        Files.writeString(file, fresh.get());
      } catch (FileAlreadyExistsException e) {
        // Another process made it first: use theirs.
      }
    }
    file(file);
    String s = Files.readString(file).strip();
    if (s.isEmpty()) {
      throw new IOException(file + " is empty");
    }
    return s;
  }

  private static void restrict(Path p, String perms) throws IOException {
    if (posix(p)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
  }

  private static boolean posix(Path p) {
    return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
  }
}
