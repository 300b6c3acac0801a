package org.sijill.vault.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The vault's folders and files are its owner's alone (0700 and 0600): blobs, metadata and the
 * custody log name witnesses and victims. Where the file system has no POSIX permissions (Windows),
 * nothing is set.
 */
public final class OwnerOnly {
  private static final String DIR = "rwx------";
  private static final String FILE = "rw-------";

  private OwnerOnly() {}

  /** Creates {@code dir} if needed (parents too) and makes it 0700. */
  public static Path directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (posix(dir)) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(DIR));
    }
    return dir;
  }

  /** The attribute that creates a file as 0600 in {@code dir}, or none off POSIX. */
  public static FileAttribute<?>[] fileIn(Path dir) {
    return posix(dir)
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(FILE))
        }
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path p) {
    return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
  }
}
