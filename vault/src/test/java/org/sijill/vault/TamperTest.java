package org.sijill.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.log.CustodyLog;

/** Each kind of tampering is caught by {@link Vault#verify}, and the fault names its target. */
class TamperTest {
  @TempDir Path data;
  @TempDir Path files;
  private final List<String> shas = new ArrayList<>();
  private final List<ExternalRecord> rows = new ArrayList<>();

  @BeforeEach
  void fill() throws Exception {
    try (Vault v = Vault.open(data)) {
      for (int i = 0; i < 4; i++) {
        Path f = files.resolve("item" + i + ".txt");
        Files.writeString(f, "item number " + i);
        Ingested in = v.add(f, Acquisition.by("collector-" + i));
        shas.add(in.blob().sha256());
        rows.add(
            new ExternalRecord(
                "evidence_item " + (i + 1),
                in.logIndex(),
                v.leafHashHex(in.logIndex()),
                Map.of("sha256", in.blob().sha256(), "file_name", "item" + i + ".txt")));
      }
      v.checkpoint();
    }
    assertThat(verify()).isEmpty();
  }

  private List<String> verify() throws Exception {
    return Vault.verify(data, rows, ProgressListener.NONE).stream().map(Fault::toString).toList();
  }

  private Path blob(String sha) {
    return data.resolve("vault/blobs/sha256")
        .resolve(sha.substring(0, 2))
        .resolve(sha.substring(2, 4))
        .resolve(sha);
  }

  @Test
  void aFlippedByteInABlobIsNamed() throws Exception {
    Path b = blob(shas.get(2));
    b.toFile().setWritable(true);
    byte[] c = Files.readAllBytes(b);
    c[3] ^= 0x01;
    Files.write(b, c);
    assertThat(verify())
        .singleElement()
        .asString()
        .startsWith("blob " + shas.get(2) + ": content changed");
  }

  @Test
  void aMissingBlobIsNamed() throws Exception {
    Files.delete(blob(shas.get(1)));
    assertThat(verify()).anyMatch(f -> f.startsWith("blob " + shas.get(1) + ": missing"));
  }

  @Test
  void anEditedDatabaseRowIsNamed() throws Exception {
    ExternalRecord r = rows.get(1);
    rows.set(
        1,
        new ExternalRecord(
            r.subject(), r.logIndex(), r.leafHash(), Map.of("file_name", "renamed.txt")));
    assertThat(verify())
        .containsExactly(
            "evidence_item 2: file_name is 'renamed.txt' but log entry 2 says 'item1.txt'");
  }

  @Test
  void aRowPointingAtAnotherEntryIsNamed() throws Exception {
    ExternalRecord r = rows.get(0);
    rows.set(0, new ExternalRecord(r.subject(), 2, r.leafHash(), r.claims()));
    assertThat(verify())
        .contains("evidence_item 1: does not match log entry 2 (leaf hash differs)")
        .anyMatch(f -> f.startsWith("evidence_item 1: sha256 is"));
  }

  @Test
  void aRemovedLogEntryIsNamed() throws Exception {
    List<byte[]> records = records();
    records.remove(3);
    rewriteLog(records);
    assertThat(verify())
        .anyMatch(f -> f.startsWith("log entry 3: records itself as entry 4"))
        .anyMatch(f -> f.contains("checkpoint") && f.contains("entries were removed"))
        .anyMatch(f -> f.startsWith("evidence_item 3: does not match log entry 4"));
  }

  @Test
  void reorderedLogEntriesAreNamed() throws Exception {
    List<byte[]> records = records();
    byte[] a = records.get(2);
    records.set(2, records.get(4));
    records.set(4, a);
    rewriteLog(records);
    assertThat(verify())
        .contains(
            "log entry 2: records itself as entry 4: entries were removed, inserted or reordered")
        .contains(
            "log entry 4: records itself as entry 2: entries were removed, inserted or reordered")
        .anyMatch(f -> f.startsWith("checkpoint ") && f.contains("the log was altered"));
  }

  @Test
  void aRewrittenEntryInTheMiddleIsNamed() throws Exception {
    // Change one byte of entry 1's JSON without fixing its stored hash.
    Path log = data.resolve("vault/custody.log");
    byte[] all = Files.readAllBytes(log);
    String s = new String(all, StandardCharsets.ISO_8859_1);
    int at = s.indexOf("collector-0");
    all[at + 10] = '9';
    Files.write(log, all);
    assertThat(verify()).anyMatch(f -> f.startsWith("log entry 0: content does not match"));
  }

  @Test
  void aSwappedCheckpointIsNamed() throws Exception {
    // A checkpoint signed by another vault's key, put in place of ours.
    Path other = files.resolve("other-data");
    String foreign;
    try (Vault v = Vault.open(other)) {
      v.add(files.resolve("item0.txt"), Acquisition.by("someone"));
      foreign = v.checkpoint();
    }
    Path ours;
    try (var s = Files.list(data.resolve("vault/checkpoints"))) {
      ours = s.findFirst().orElseThrow();
    }
    Files.writeString(ours, foreign);
    assertThat(verify())
        .singleElement()
        .asString()
        .startsWith(
            "checkpoint " + ours.getFileName() + ": checkpoint is not signed by sijill.vault/");
  }

  @Test
  void aCheckpointRenamedToAnotherSizeIsNamed() throws Exception {
    try (Vault v = Vault.open(data)) {
      v.record(EventType.VIEWED, shas.get(0), "analyst-1", Map.of());
      v.checkpoint();
    }
    Path dir = data.resolve("vault/checkpoints");
    Path early = dir.resolve(String.format("%020d.note", 8));
    Path late = dir.resolve(String.format("%020d.note", 9));
    Files.write(late, Files.readAllBytes(early));
    assertThat(verify())
        .containsExactly(
            "checkpoint " + late.getFileName() + ": holds the checkpoint of size 8, not 9");
  }

  @Test
  void alteredMetadataIsNamed() throws Exception {
    Path meta = data.resolve("vault/meta").resolve(shas.get(0) + ".json");
    Files.writeString(meta, "{\"gps\":{\"latitude\":0}}");
    assertThat(verify())
        .containsExactly("metadata " + shas.get(0) + ": changed since it was extracted");
  }

  @Test
  void aStrayBlobIsNamedByItsFile() throws Exception {
    byte[] content = "put here by hand".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String sha = Vault.sha256Hex(content);
    Path stray = blob(sha);
    Files.createDirectories(stray.getParent());
    Files.write(stray, content);
    assertThat(verify())
        .containsExactly(
            "file vault/blobs/sha256/"
                + sha.substring(0, 2)
                + "/"
                + sha.substring(2, 4)
                + "/"
                + sha
                + ": stray blob: no custody log entry names "
                + sha);
  }

  @Test
  void aFileThatIsNotAtItsAddressIsNamed() throws Exception {
    Path odd = data.resolve("vault/blobs/sha256/ab/notes.txt");
    Files.createDirectories(odd.getParent());
    Files.writeString(odd, "not a blob");
    assertThat(verify())
        .containsExactly(
            "file vault/blobs/sha256/ab/notes.txt: in the blob store but not a stored blob"
                + " (no such address)");
  }

  /** The log's records (length, entry, leaf hash) as written. */
  private List<byte[]> records() throws Exception {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(data.resolve("vault/custody.log")));
    b.position(CustodyLog.HEADER.length);
    List<byte[]> out = new ArrayList<>();
    while (b.hasRemaining()) {
      int n = b.getInt(b.position());
      byte[] rec = new byte[4 + n + 32];
      b.get(rec);
      out.add(rec);
    }
    return out;
  }

  private void rewriteLog(List<byte[]> records) throws Exception {
    try (RandomAccessFile f =
        new RandomAccessFile(data.resolve("vault/custody.log").toFile(), "rw")) {
      f.setLength(0);
      f.write(CustodyLog.HEADER);
      for (byte[] r : records) {
        f.write(r);
      }
    }
  }
}
