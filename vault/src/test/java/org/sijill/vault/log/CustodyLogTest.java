package org.sijill.vault.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyLogTest {
  @TempDir Path dir;

  private Path logWith(int entries) throws Exception {
    Path f = dir.resolve("custody.log");
    try (CustodyLog log = CustodyLog.openForAppend(f)) {
      for (int i = 0; i < entries; i++) {
        log.append(("entry " + i).getBytes(StandardCharsets.UTF_8));
      }
    }
    return f;
  }

  @Test
  void aRecordCutAtAnyByteIsDroppedOnOpenAndKeptAside() throws Exception {
    Path f = logWith(5);
    long full = Files.size(f);
    byte[] root4;
    try (CustodyLog log = CustodyLog.openForReading(f)) {
      root4 = log.root(4);
    }
    int last = 4 + "entry 4".length() + 32;
    for (int cut = 1; cut < last; cut++) {
      Files.delete(f);
      f = logWith(5);
      try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
        raf.setLength(full - cut);
      }
      try (CustodyLog log = CustodyLog.openForAppend(f)) {
        assertThat(log.size()).as("cut %d", cut).isEqualTo(4);
        assertThat(log.recoveredBytes()).isEqualTo(last - cut);
        assertThat(log.root(4)).isEqualTo(root4);
        assertThat(log.append("after".getBytes(StandardCharsets.UTF_8))).isEqualTo(4);
      }
      try (CustodyLog log = CustodyLog.openForReading(f)) {
        assertThat(log.faults()).isEmpty();
        assertThat(new String(log.entry(4), StandardCharsets.UTF_8)).isEqualTo("after");
      }
      assertThat(dir.resolve("custody.log.torn-" + (full - last))).exists();
      try (var s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().contains(".torn-"))
            .forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aZeroFilledTailIsTreatedAsTorn() throws Exception {
    Path f = logWith(3);
    Files.write(f, new byte[40], java.nio.file.StandardOpenOption.APPEND);
    try (CustodyLog log = CustodyLog.openForAppend(f)) {
      assertThat(log.size()).isEqualTo(3);
      assertThat(log.recoveredBytes()).isEqualTo(40);
    }
  }

  @Test
  void damageInTheMiddleIsRefusedForAppendAndReportedForReading() throws Exception {
    Path f = logWith(5);
    byte[] all = Files.readAllBytes(f);
    String s = new String(all, StandardCharsets.ISO_8859_1);
    all[s.indexOf("entry 1") + 6] = '7';
    Files.write(f, all);
    assertThatThrownBy(() -> CustodyLog.openForAppend(f))
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("log entry 1: content does not match its recorded hash");
    try (CustodyLog log = CustodyLog.openForReading(f)) {
      assertThat(log.size()).isEqualTo(1);
      assertThat(log.faults())
          .containsExactly("log entry 1: content does not match its recorded hash");
    }
    assertThat(Files.readAllBytes(f)).as("nothing repaired").isEqualTo(all);
  }

  @Test
  void aFileThatIsNotALogIsRefused() throws Exception {
    Path f = dir.resolve("custody.log");
    Files.writeString(f, "hello, this is not a log at all");
    assertThatThrownBy(() -> CustodyLog.openForAppend(f))
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("wrong header");
  }

  @Test
  void entriesSurviveReopenWithTheSameRoots() throws Exception {
    Path f = logWith(37);
    byte[] root;
    try (CustodyLog log = CustodyLog.openForReading(f)) {
      root = log.root(37);
      assertThat(new String(log.entry(36), StandardCharsets.UTF_8)).isEqualTo("entry 36");
    }
    try (CustodyLog log = CustodyLog.openForAppend(f)) {
      assertThat(log.root(37)).isEqualTo(root);
      Merkle.verifyConsistency(20, 37, log.root(20), root, log.consistencyProof(20, 37));
    }
  }
}
