package org.sijill.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.testing.CrashRounds;

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
    Map<String, Long> acked =
        CrashRounds.run(
                data,
                scratch,
                10,
                new Random(42),
                Duration.ofSeconds(60),
                ProcessBuilder.Redirect.DISCARD,
                (rounds, acknowledged) -> {})
            .acknowledged();
    assertThat(acked).as("every child acknowledged items").hasSizeGreaterThanOrEqualTo(10);

    // Nothing partial is visible at a blob address, even before recovery.
    assertThat(CrashRounds.partialBlobs(data)).isEmpty();
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
