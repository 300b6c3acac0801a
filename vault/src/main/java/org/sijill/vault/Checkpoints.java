package org.sijill.vault;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.sijill.vault.internal.AtomicFiles;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.CheckpointSigner;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.log.InclusionProof;
import org.sijill.vault.log.Timestamps;

/**
 * The signed heads of a vault's custody log kept in {@code vault/checkpoints/}: {@code <size>.note}
 * (the signed note) and {@code <size>.tsr} (an RFC 3161 timestamp of it), and the inclusion proofs
 * that lead from an entry to one of them. Signing holds the log, so a checkpoint always covers
 * exactly the entries logged before it.
 */
final class Checkpoints {
  private final Path dir;
  private final CustodyLog log;
  private final CheckpointSigner signer;

  Checkpoints(Path root, CustodyLog log, CheckpointSigner signer) {
    this.dir = root.resolve("checkpoints");
    this.log = log;
    this.signer = signer;
  }

  /** See {@link Vault#checkpoint}. */
  String checkpoint() throws IOException {
    synchronized (log) {
      long size = log.size();
      Path file = noteFile(size);
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      String note = signer.sign(new Checkpoint(signer.origin(), size, log.root(size)));
      AtomicFiles.write(file, note.getBytes(StandardCharsets.UTF_8));
      return note;
    }
  }

  /** See {@link Vault#timestamp}. */
  Timestamps.Stamp timestamp(URI tsa) throws IOException {
    String note = checkpoint();
    long size = signer.verifier().verify(note).size();
    byte[] token = Timestamps.request(tsa, note);
    AtomicFiles.write(timestampFile(size), token);
    return Timestamps.verify(token, note);
  }

  /** The latest stored checkpoint's signed note, if any. */
  Optional<String> latest() throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      Optional<Path> last =
          s.filter(p -> p.getFileName().toString().endsWith(".note")).max(Path::compareTo);
      return last.isEmpty()
          ? Optional.empty()
          : Optional.of(Files.readString(last.get(), StandardCharsets.UTF_8));
    }
  }

  /** See {@link Vault#proof}. */
  InclusionProof proof(long index) throws IOException {
    synchronized (log) {
      if (index < 0 || index >= log.size()) {
        throw new IllegalArgumentException("no log entry " + index);
      }
      String note = latest().orElse(null);
      Checkpoint cp = note == null ? null : signer.verifier().verify(note);
      if (cp == null || cp.size() <= index) {
        note = checkpoint();
        cp = signer.verifier().verify(note);
      }
      return new InclusionProof(
          index, log.entry(index), log.inclusionProof(index, cp.size()), note, cp.size());
    }
  }

  /** See {@link Vault#proofWithoutWriting}. */
  InclusionProof proofWithoutWriting(long index) throws IOException {
    synchronized (log) {
      if (index < 0 || index >= log.size()) {
        throw new IllegalArgumentException("no log entry " + index);
      }
      String note = latest().orElse(null);
      Checkpoint cp = note == null ? null : signer.verifier().verify(note);
      if (cp == null || cp.size() <= index) {
        long size = index + 1;
        note = signer.sign(new Checkpoint(signer.origin(), size, log.root(size)));
        cp = signer.verifier().verify(note);
      }
      return new InclusionProof(
          index, log.entry(index), log.inclusionProof(index, cp.size()), note, cp.size());
    }
  }

  private Path noteFile(long size) {
    return dir.resolve(String.format("%020d.note", size));
  }

  private Path timestampFile(long size) {
    return dir.resolve(String.format("%020d.tsr", size));
  }
}
