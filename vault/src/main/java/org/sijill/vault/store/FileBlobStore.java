package org.sijill.vault.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.sijill.vault.Digests;
import org.sijill.vault.Vault;
import org.sijill.vault.internal.OwnerOnly;

/**
 * A {@link BlobStore} on a local file system: {@code <root>/sha256/ab/cd/<sha256>}.
 *
 * <p>A put streams into {@code <root>/tmp/}, hashing as it goes, forces the file to disk, renames
 * it atomically to its address and forces the directory, so a crash at any moment leaves either the
 * whole blob at its address or nothing there (at most a stray temporary file, removed by the next
 * {@link #open}). Blob files are made read-only.
 */
public final class FileBlobStore implements BlobStore {
  private final Path root;
  private final Path tmp;

  private FileBlobStore(Path root) {
    this.root = root;
    this.tmp = root.resolve("tmp");
  }

  /** Opens (creating if needed) a store under {@code root}, clearing temporaries of a crash. */
  public static FileBlobStore open(Path root) throws IOException {
    return open(root, true);
  }

  /**
   * Opens (creating if needed) a store under {@code root}; clears the temporaries of a crash when
   * {@code clearTemporaries} (the vault skips it when it knows no crash happened since it last
   * cleared them).
   */
  public static FileBlobStore open(Path root, boolean clearTemporaries) throws IOException {
    FileBlobStore store = new FileBlobStore(root);
    OwnerOnly.directory(root);
    OwnerOnly.directory(store.tmp);
    OwnerOnly.directory(root.resolve("sha256"));
    if (clearTemporaries) {
      try (Stream<Path> leftovers = Files.list(store.tmp)) {
        for (Path p : (Iterable<Path>) leftovers::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
    return store;
  }

  /** A store for reading only: nothing is created or cleaned. */
  public static FileBlobStore openExisting(Path root) {
    return new FileBlobStore(root);
  }

  @Override
  public StoredBlob put(InputStream content) throws IOException {
    return put(content, sha256 -> {});
  }

  /** Told the address of new content just before it appears there; see {@link Vault}. */
  @FunctionalInterface
  public interface BeforePublish {
    void about(String sha256) throws IOException;
  }

  /**
   * As {@link #put(InputStream)}, calling {@code hook} with the content's SHA-256 before new
   * content is renamed to its address (not when the content is already stored). If the hook throws,
   * nothing is stored.
   */
  public StoredBlob put(InputStream content, BeforePublish hook) throws IOException {
    Path temp = tmp.resolve(UUID.randomUUID() + ".part");
    Digests.Result d;
    try {
      try (DurableOutput out = DurableOutput.create(temp)) {
        d = Digests.copy(content, out);
        out.sync();
      }
      Path target = path(d.sha256());
      if (Files.exists(target)) {
        Files.delete(temp);
        return new StoredBlob(d.sha256(), d.sha512(), d.size(), false);
      }
      hook.about(d.sha256());
      boolean newDirs = !Files.isDirectory(target.getParent());
      if (newDirs) {
        OwnerOnly.directory(target.getParent().getParent());
        OwnerOnly.directory(target.getParent());
      }
      if (newDirs) {
        fsyncDirectory(target.getParent().getParent());
        fsyncDirectory(target.getParent().getParent().getParent());
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException race) {
        Files.delete(temp);
        return new StoredBlob(d.sha256(), d.sha512(), d.size(), false);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system under " + root + " cannot rename atomically", e);
      }
      target.toFile().setReadOnly();
      fsyncDirectory(target.getParent());
      return new StoredBlob(d.sha256(), d.sha512(), d.size(), true);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Optional<InputStream> open(String sha256) throws IOException {
    if (!Digests.isSha256Hex(sha256)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.newInputStream(path(sha256)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean contains(String sha256) {
    return Digests.isSha256Hex(sha256) && Files.isRegularFile(path(sha256));
  }

  @Override
  public Stream<String> list() throws IOException {
    if (!Files.isDirectory(root.resolve("sha256"))) {
      return Stream.empty();
    }
    return Files.walk(root.resolve("sha256"))
        .filter(Files::isRegularFile)
        .map(p -> p.getFileName().toString())
        .sorted();
  }

  /**
   * Takes back content that a {@link #put} just stored when the entry that should name it could not
   * be logged, so that a failed ingest leaves no blob that no entry names. Not part of {@link
   * BlobStore}: stored evidence is never deleted, and the vault calls this only for content it
   * stored itself moments before and nothing refers to.
   */
  public void remove(String sha256) throws IOException {
    Path p = path(sha256);
    if (Files.deleteIfExists(p)) {
      fsyncDirectory(p.getParent());
    }
  }

  public Path root() {
    return root;
  }

  /** Every regular file under the store's content folder, as paths relative to the store root. */
  public Stream<Path> files() throws IOException {
    if (!Files.isDirectory(root.resolve("sha256"))) {
      return Stream.empty();
    }
    return Files.walk(root.resolve("sha256")).filter(Files::isRegularFile).map(root::relativize);
  }

  /** The file holding {@code sha256}; for callers that need a path (such as media decoders). */
  public Path path(String sha256) {
    return root.resolve("sha256")
        .resolve(sha256.substring(0, 2))
        .resolve(sha256.substring(2, 4))
        .resolve(sha256);
  }

  /** Forces a directory's entries (a rename or create in it) to disk. */
  public static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open directories; there the rename's durability is the OS's.
      if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
        throw e;
      }
    }
  }
}
