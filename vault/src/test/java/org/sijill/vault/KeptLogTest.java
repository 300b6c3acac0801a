package org.sijill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.log.CorruptLogException;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.log.LogMemory;
import org.sijill.vault.log.Merkle;
import org.sijill.vault.store.FileBlobStore;

/**
 * A custody log opened with {@link CustodyLog#openForAppendKept} takes over the hash tree that this
 * process left when it last closed the file, and only while the file is exactly as it left it:
 * another writer's append, a torn record, a replaced file or an edit that changed the file's time
 * make it read and check the whole file again.
 */
class KeptLogTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Path keptLogWith(int entries) throws Exception {
    Path f = dir.resolve("custody.log");
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).as("a first opening reads the file").isTrue();
      for (int i = 0; i < entries; i++) {
        log.append(bytes("entry " + i));
      }
    }
    return f;
  }

  /** Root and entries of the file read from scratch, for comparison. */
  private static byte[] rootFromScratch(Path f, long size) throws Exception {
    try (CustodyLog log = CustodyLog.openForReading(f)) {
      assertThat(log.faults()).isEmpty();
      return log.root(size);
    }
  }

  @Test
  void aReopeningTakesOverTheTreeAndKeepsItCorrect() throws Exception {
    Path f = keptLogWith(37);
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).isFalse();
      assertThat(log.size()).isEqualTo(37);
      assertThat(log.root(37)).isEqualTo(rootFromScratch(f, 37));
      assertThat(new String(log.entry(36), StandardCharsets.UTF_8)).isEqualTo("entry 36");
      assertThat(log.append(bytes("entry 37"))).isEqualTo(37);
    }
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).isFalse();
      assertThat(log.size()).isEqualTo(38);
      byte[] root = rootFromScratch(f, 38);
      assertThat(log.root(38)).isEqualTo(root);
      Merkle.verifyInclusion(37, 38, log.leafHash(37), log.inclusionProof(37, 38), root);
      Merkle.verifyConsistency(20, 38, log.root(20), root, log.consistencyProof(20, 38));
    }
  }

  @Test
  void anotherWritersAppendIsNoticed() throws Exception {
    Path f = keptLogWith(5);
    // Another process (here: a log opened without the kept tree) appends in its turn.
    try (CustodyLog other = CustodyLog.openForAppend(f)) {
      other.append(bytes("from elsewhere"));
    }
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).isTrue();
      assertThat(log.size()).isEqualTo(6);
      assertThat(new String(log.entry(5), StandardCharsets.UTF_8)).isEqualTo("from elsewhere");
      assertThat(log.root(6)).isEqualTo(rootFromScratch(f, 6));
    }
  }

  @Test
  void aTornRecordLeftByAnotherWriterIsDroppedAsOnAnyOpening() throws Exception {
    Path f = keptLogWith(3);
    long size = Files.size(f);
    Files.write(f, new byte[] {0, 0, 0, 9, 'h', 'a'}, StandardOpenOption.APPEND);
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).isTrue();
      assertThat(log.size()).isEqualTo(3);
      assertThat(log.recoveredBytes()).isEqualTo(6);
    }
    assertThat(Files.size(f)).isEqualTo(size);
  }

  @Test
  void aFileReplacedByAnotherOfTheSameSizeIsReadAgain() throws Exception {
    Path f = keptLogWith(4);
    FileTime time = Files.getLastModifiedTime(f);
    // The same entries but one, each the same length: same size, same time, another file.
    Path elsewhere = dir.resolve("elsewhere");
    Files.createDirectory(elsewhere);
    Path other = elsewhere.resolve("custody.log");
    try (CustodyLog log = CustodyLog.openForAppend(other)) {
      for (int i = 0; i < 4; i++) {
        log.append(bytes(i == 2 ? "entry 9" : "entry " + i));
      }
    }
    Files.move(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(f, time);
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).isTrue();
      assertThat(new String(log.entry(2), StandardCharsets.UTF_8)).isEqualTo("entry 9");
      assertThat(log.root(4)).isEqualTo(rootFromScratch(f, 4));
    }
  }

  @Test
  void anEditThatChangesTheFilesTimeIsRefusedAsOnAnyOpening() throws Exception {
    Path f = keptLogWith(5);
    FileTime time = Files.getLastModifiedTime(f);
    byte[] all = Files.readAllBytes(f);
    String s = new String(all, StandardCharsets.ISO_8859_1);
    all[s.indexOf("entry 1") + 6] = '7';
    Files.write(f, all);
    Files.setLastModifiedTime(f, FileTime.fromMillis(time.toMillis() + 1000));
    assertThatThrownBy(() -> CustodyLog.openForAppendKept(f))
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("log entry 1: content does not match its recorded hash");
  }

  @Test
  void anEditOfTheLastRecordIsNoticedEvenWithinTheSameTimestamp() throws Exception {
    Path f = keptLogWith(5);
    FileTime time = Files.getLastModifiedTime(f);
    byte[] all = Files.readAllBytes(f);
    all[all.length - 1] ^= 1; // the last record's stored hash
    Files.write(f, all);
    Files.setLastModifiedTime(f, time);
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      // Read again: the damaged last record counts as torn (as on any opening) and is set aside.
      assertThat(log.scanned()).isTrue();
      assertThat(log.size()).isEqualTo(4);
      assertThat(log.recoveredBytes()).isPositive();
    }
  }

  @Test
  void anEditInTheMiddleWithinTheSameTimestampIsLeftToVerify() throws Exception {
    // What the kept tree cannot see (same size, time and last record) the full check finds.
    Path f = keptLogWith(5);
    FileTime time = Files.getLastModifiedTime(f);
    byte[] all = Files.readAllBytes(f);
    String s = new String(all, StandardCharsets.ISO_8859_1);
    all[s.indexOf("entry 1") + 6] = '7';
    Files.write(f, all);
    Files.setLastModifiedTime(f, time);
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).isFalse();
    }
    try (CustodyLog log = CustodyLog.openForReading(f)) {
      assertThat(log.faults())
          .containsExactly("log entry 1: content does not match its recorded hash");
    }
  }

  @Test
  void aPlainOpeningNeitherTakesNorLeavesATree() throws Exception {
    Path f = keptLogWith(2);
    try (CustodyLog plain = CustodyLog.openForAppend(f)) {
      assertThat(plain.scanned()).isTrue();
    }
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).as("the tree kept before the plain opening").isFalse();
    }
    LogMemory.clear();
    try (CustodyLog log = CustodyLog.openForAppendKept(f)) {
      assertThat(log.scanned()).as("nothing kept after clear").isTrue();
    }
  }

  @Test
  void aVaultReopenedInTheSameProcessStillRecoversWhatACrashLeft() throws Exception {
    Path data = dir.resolve("data");
    Path item = dir.resolve("item.txt");
    Files.writeString(item, "a synthetic statement");
    String kept;
    try (Vault v = Vault.open(data)) {
      kept = v.add(item, Acquisition.by("collector-1")).blob().sha256();
    }
    // Another process stored content and crashed before logging it: its blob and pending note.
    Path stray = dir.resolve("stray.txt");
    Files.writeString(stray, "stored, never acknowledged");
    String straySha;
    try (java.io.InputStream in = Files.newInputStream(stray)) {
      straySha = FileBlobStore.open(data.resolve("vault/blobs")).put(in).sha256();
    }
    Files.writeString(data.resolve("vault").resolve(Vault.PENDING), straySha + "\n");
    try (Vault v = Vault.open(data)) {
      assertThat(v.store().contains(straySha)).as("taken back").isFalse();
      assertThat(v.store().contains(kept)).isTrue();
      assertThat(v.logSize()).isEqualTo(2);
      v.record(EventType.VIEWED, kept, "analyst-1", Map.of());
    }
    try (Vault v = Vault.open(data)) {
      assertThat(v.events()).extracting(CustodyEvent::type).endsWith(EventType.VIEWED);
      v.checkpoint();
    }
    assertThat(Vault.verify(data, List.of(), ProgressListener.NONE)).isEmpty();
  }
}
