package org.sijill.vault.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.sijill.vault.Digests;

/**
 * Kills a {@link CrashChild} with SIGKILL at a random moment while it ingests, round after round on
 * the same vault, and collects what each child acknowledged. The crash test runs ten rounds, {@code
 * bench/vault.sh crash} a hundred; both then check that nothing acknowledged is lost.
 */
public final class CrashRounds {
  /**
   * What the rounds left.
   *
   * @param acknowledged SHA-256 to log index of every item a child reported as added
   * @param recoveredTails rounds whose child found a torn log tail to recover when it opened
   */
  public record Outcome(Map<String, Long> acknowledged, int recoveredTails) {}

  /** Told after each round: how many rounds are done, how many items are acknowledged so far. */
  @FunctionalInterface
  public interface Progress {
    void roundDone(int rounds, int acknowledged);
  }

  private CrashRounds() {}

  /**
   * Runs {@code rounds} children one after another on {@code data}, child {@code k} seeded {@code
   * k}; each is killed {@code rnd.nextInt(400)} ms after its first acknowledgement, so every round
   * acknowledges something and the kill lands mid-ingest whatever the machine's load.
   *
   * @param firstAck how long a child may take to acknowledge its first item
   * @param childErrors where the children's standard error goes
   * @throws IllegalStateException when a child does not start or acknowledges nothing in time
   */
  public static Outcome run(
      Path data,
      Path scratch,
      int rounds,
      Random rnd,
      Duration firstAck,
      ProcessBuilder.Redirect childErrors,
      Progress progress)
      throws IOException, InterruptedException {
    Map<String, Long> acked = new LinkedHashMap<>();
    int recoveredTails = 0;
    for (int k = 0; k < rounds; k++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashChild.class.getName(),
                  data.toString(),
                  scratch.toString(),
                  Integer.toString(k))
              .redirectError(childErrors)
              .start();
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String ready = r.readLine();
      if (ready == null || !ready.startsWith("READY ")) {
        p.destroyForcibly();
        throw new IllegalStateException("child " + k + " did not start: " + ready);
      }
      if (!ready.endsWith(" 0")) {
        recoveredTails++;
      }
      CountDownLatch acknowledged = new CountDownLatch(1);
      Thread reader = new Thread(() -> readAcks(r, acked, acknowledged));
      reader.start();
      if (!acknowledged.await(firstAck.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("child " + k + " acknowledged nothing in " + firstAck);
      }
      Thread.sleep(rnd.nextInt(400));
      p.destroyForcibly(); // SIGKILL
      p.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
      synchronized (acked) {
        progress.roundDone(k + 1, acked.size());
      }
    }
    synchronized (acked) {
      return new Outcome(new LinkedHashMap<>(acked), recoveredTails);
    }
  }

  private static void readAcks(BufferedReader r, Map<String, Long> acked, CountDownLatch first) {
    try {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(" ");
        synchronized (acked) {
          acked.put(f[1], Long.parseLong(f[2]));
        }
        first.countDown();
      }
    } catch (IOException died) {
      // the child was killed
    }
  }

  /**
   * Blobs under the vault's addresses whose bytes do not hash to their name: a partial write made
   * visible. Read before the vault is opened again, so that recovery cannot hide one.
   */
  public static List<Path> partialBlobs(Path data) throws IOException {
    List<Path> partial = new ArrayList<>();
    try (Stream<Path> s = Files.walk(data.resolve("vault/blobs/sha256"))) {
      for (Path b : s.filter(Files::isRegularFile).toList()) {
        if (!Digests.sha256(b).equals(b.getFileName().toString())) {
          partial.add(b);
        }
      }
    }
    return partial;
  }
}
