package org.sijill.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL at random moments while it ingests, again and again on the same
 * vault, then checks that every acknowledged item survived and that nothing partial is visible. Ten
 * kills here; {@code bench/vault.sh crash} runs a hundred.
 */
class CrashSafetyTest {
  @TempDir Path data;
  @TempDir Path scratch;

  @Test
  void killsDuringIngestLoseNothingAcknowledgedAndLeaveNothingPartial() throws Exception {
    Map<String, Long> acked = new LinkedHashMap<>();
    Random rnd = new Random(42);
    for (int kill = 0; kill < 10; kill++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashChild.class.getName(),
                  data.toString(),
                  scratch.toString(),
                  Long.toString(kill))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String ready = r.readLine();
      assertThat(ready).as("child %d started", kill).startsWith("READY ");
      CountDownLatch firstAck = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try {
                  String line;
                  while ((line = r.readLine()) != null) {
                    String[] f = line.split(" ");
                    synchronized (acked) {
                      acked.put(f[1], Long.parseLong(f[2]));
                    }
                    firstAck.countDown();
                  }
                } catch (java.io.IOException closed) {
                  // the child died
                }
              });
      reader.start();
      // Kill at a random moment after the child has got going, so that each round acknowledges
      // something and the kill lands mid-ingest whatever the machine's load.
      assertThat(firstAck.await(60, TimeUnit.SECONDS))
          .as("child %d acknowledged an item", kill)
          .isTrue();
      Thread.sleep(rnd.nextInt(400));
      p.destroyForcibly(); // SIGKILL
      p.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
    }
    assertThat(acked).as("every child acknowledged items").hasSizeGreaterThanOrEqualTo(10);

    // Nothing partial is visible at a blob address, even before recovery.
    try (Stream<Path> s = Files.walk(data.resolve("vault/blobs/sha256"))) {
      for (Path b : s.filter(Files::isRegularFile).toList()) {
        assertThat(Vault.sha256Hex(Files.readAllBytes(b))).isEqualTo(b.getFileName().toString());
      }
    }
    // Recovery on open, then every acknowledged item is there at its acknowledged index.
    try (Vault v = Vault.open(data)) {
      for (Map.Entry<String, Long> a : acked.entrySet()) {
        assertThat(v.store().contains(a.getKey())).isTrue();
        CustodyEvent e = v.event(a.getValue());
        assertThat(e.sha256()).isEqualTo(a.getKey());
        assertThat(e.type()).isEqualTo(EventType.ACQUIRED);
      }
      try (Stream<Path> s = Files.list(data.resolve("vault/blobs/tmp"))) {
        assertThat(s.toList()).as("temporaries cleared on open").isEmpty();
      }
      v.checkpoint();
    }
    List<Fault> faults = Vault.verify(data, List.of(), ProgressListener.NONE);
    assertThat(faults).isEmpty();
  }
}
