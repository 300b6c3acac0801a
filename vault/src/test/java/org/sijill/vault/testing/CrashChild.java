package org.sijill.vault.testing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.sijill.vault.Acquisition;
import org.sijill.vault.Ingested;
import org.sijill.vault.Vault;

/**
 * Child process for {@link CrashRounds}: opens the vault (recovering whatever the last kill left),
 * prints {@code READY <log size> <bytes recovered>}, then ingests distinct random files as fast as
 * it can and prints {@code ACK <sha256> <log index>} after each add returns, until it is killed.
 * Arguments: data directory, scratch directory, seed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path scratch = Path.of(args[1]);
    long seed = Long.parseLong(args[2]);
    Random rnd = new Random(seed);
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    try (Vault v = Vault.open(data)) {
      out.println("READY " + v.logSize() + " " + v.recoveredBytes());
      for (int i = 0; ; i++) {
        byte[] content = new byte[1 + rnd.nextInt(1 << 20)];
        rnd.nextBytes(content);
        Path f = scratch.resolve("in-" + seed + "-" + i);
        Files.write(f, content);
        Ingested in = v.add(f, Acquisition.by("crash-child"));
        out.println("ACK " + in.blob().sha256() + " " + in.logIndex());
        Files.delete(f);
      }
    }
  }
}
