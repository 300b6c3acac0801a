package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while {@code sijill serve} runs on the same data directory (the server keeps its
 * embedded database; the backup connects to it), and a second backup to the same file killed with
 * SIGKILL midway: the first backup file is untouched and still restores. And the server itself
 * killed during a backup.
 */
class BackupWhileServingTest {
  @TempDir Path data;
  @TempDir Path files;
  @TempDir Path elsewhere;

  @Test
  void aBackupKilledMidwayLeavesThePreviousOneWhole() throws Exception {
    CliRun.addUser(data, "collector-1", "analyst");
    // Large enough that writing it into the archive takes a while: the kill lands midway.
    Path big = files.resolve("recording.bin");
    byte[] bytes = new byte[64 << 20];
    new Random(16).nextBytes(bytes);
    Files.write(big, bytes);
    CliRun add =
        run("--data", data.toString(), "--as", "collector-1", "vault", "add", big.toString());
    assertThat(add.code()).as(add.err()).isZero();

    Path backup = files.resolve("case.sijill-backup");
    ServeProcessTest.Served served = ServeProcessTest.serve(data);
    try {
      CliRun first = run("--data", data.toString(), "backup", "--out", backup.toString());
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).contains("1 blobs");
      // The server kept serving: it still answers.
      assertThat(ServeProcessTest.get(served.url() + "login").statusCode()).isEqualTo(200);
      String before = sha256(backup);

      Path partial = files.resolve(".case.sijill-backup.partial");
      Process child = backupWriting(data, backup, partial);
      assertThat(child.isAlive())
          .as(
              "the backup was still writing when killed: "
                  + Files.readString(files.resolve("child.log")))
          .isTrue();
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      assertThat(partial).exists(); // cut short where it was
      assertThat(sha256(backup)).isEqualTo(before);
    } finally {
      served.process().destroy();
      served.process().waitFor(60, TimeUnit.SECONDS);
    }

    Path restored = elsewhere.resolve("restored");
    CliRun r = run("--data", restored.toString(), "restore", backup.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // (Restore itself checked every table's count against the backup's manifest.)
    var counts = BackupRestoreTest.rowCounts(restored);
    var original = BackupRestoreTest.rowCounts(data);
    for (String t : java.util.List.of("evidence_item", "custody_event", "app_user")) {
      assertThat(counts.get(t)).as(t).isEqualTo(original.get(t)).isPositive();
    }
    CliRun verify = run("--data", restored.toString(), "vault", "verify");
    assertThat(verify.code()).as(verify.out()).isZero();
    assertThat(verify.out()).startsWith("ok: 1 items");
    String sha = add.out().substring(0, 64);
    Path blob =
        restored.resolve(
            "vault/blobs/sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
    assertThat(Files.mismatch(blob, big)).isEqualTo(-1L);

    // The next backup replaces the partial file left by the killed one.
    CliRun next = run("--data", data.toString(), "backup", "--out", backup.toString());
    assertThat(next.code()).as(next.err()).isZero();
    assertThat(files.resolve(".case.sijill-backup.partial")).doesNotExist();
  }

  /**
   * Issue 16's case: the server itself killed (SIGKILL) while a backup of its case is being
   * written. The backup took its snapshot before and reads only files after it, so it still ends
   * whole; the previous backup is untouched; both restore and verify. The killed server's database
   * outlives it (an orphan, as after a crash); the next {@code serve} recovers it.
   */
  @Test
  void aServerKilledDuringABackupLeavesBothBackupsRestorable() throws Exception {
    CliRun.addUser(data, "collector-1", "analyst");
    Path big = files.resolve("recording.bin");
    byte[] bytes = new byte[64 << 20];
    new Random(17).nextBytes(bytes);
    Files.write(big, bytes);
    CliRun add =
        run("--data", data.toString(), "--as", "collector-1", "vault", "add", big.toString());
    assertThat(add.code()).as(add.err()).isZero();

    Path previous = files.resolve("previous.sijill-backup");
    Path backup = files.resolve("case.sijill-backup");
    Path partial = files.resolve(".case.sijill-backup.partial");
    ServeProcessTest.Served served = ServeProcessTest.serve(data);
    String before;
    Process child;
    try {
      CliRun first = run("--data", data.toString(), "backup", "--out", previous.toString());
      assertThat(first.code()).as(first.err()).isZero();
      before = sha256(previous);
      child = backupWriting(data, backup, partial);
      assertThat(child.isAlive())
          .as(
              "the backup was still writing when the server was killed: "
                  + Files.readString(files.resolve("child.log")))
          .isTrue();
    } finally {
      served.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(Files.readString(files.resolve("child.log"))).isZero();
    assertThat(partial).doesNotExist();
    assertThat(sha256(previous)).isEqualTo(before);

    // A new serve takes over the orphaned database; its clean stop ends it.
    ServeProcessTest.Served again = ServeProcessTest.serve(data);
    again.process().destroy();
    assertThat(again.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

    var original = BackupRestoreTest.rowCounts(data);
    for (Path b : java.util.List.of(previous, backup)) {
      Path restored = elsewhere.resolve(b.getFileName().toString() + ".restored");
      CliRun r = run("--data", restored.toString(), "restore", b.toString());
      assertThat(r.code()).as(b + ": " + r.err()).isZero();
      assertThat(BackupRestoreTest.rowCounts(restored).get("evidence_item"))
          .as(b.toString())
          .isEqualTo(original.get("evidence_item"))
          .isPositive();
      CliRun verify = run("--data", restored.toString(), "vault", "verify");
      assertThat(verify.code()).as(verify.out()).isZero();
    }
  }

  private static String sha256(Path f) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  /**
   * Starts {@code sijill backup} of {@code data} in a process of its own and returns once it has
   * written more than 1 MiB of {@code partial} (or has ended, or two minutes have passed).
   */
  private Process backupWriting(Path data, Path backup, Path partial) throws Exception {
    Process child =
        new ProcessBuilder(
                ServeProcessTest.sijill(data, List.of(), "backup", "--out", backup.toString()))
            .redirectErrorStream(true)
            .redirectOutput(files.resolve("child.log").toFile())
            .start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (child.isAlive()
        && !(Files.exists(partial) && Files.size(partial) > (1 << 20))
        && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    return child;
  }
}
