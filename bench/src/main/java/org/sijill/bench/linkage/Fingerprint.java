package org.sijill.bench.linkage;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.sijill.linkage.LinkResult;

/**
 * {@code -Dfingerprint=true}: digests of a run's answer (the scored pairs with their exact
 * probabilities, the cluster of every record, the per-key pair counts) and the fitted model, so a
 * change meant to be faster can show it gives the same answer, bit for bit.
 */
final class Fingerprint {
  private Fingerprint() {}

  static void print(LinkResult r) throws Exception {
    MessageDigest pairs = MessageDigest.getInstance("SHA-256");
    ByteBuffer b = ByteBuffer.allocate(16);
    for (int p = 0; p < r.pairCount(); p++) {
      b.clear();
      b.putInt(r.left(p)).putInt(r.right(p)).putDouble(r.probability(p));
      pairs.update(b.array(), 0, 16);
    }
    MessageDigest clusters = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < r.size(); i++) {
      b.clear();
      b.putInt(r.cluster(i));
      clusters.update(b.array(), 0, 4);
    }
    StringBuilder keys = new StringBuilder();
    for (Map.Entry<String, long[]> e : r.pairsPerBlockingKey().entrySet()) {
      keys.append(e.getKey()).append('=').append(e.getValue()[0]).append('/');
      keys.append(e.getValue()[1]).append(';');
    }
    MessageDigest model = MessageDigest.getInstance("SHA-256");
    model.update(r.modelSummary().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HexFormat hex = HexFormat.of();
    System.out.printf(
        Locale.ROOT,
        "fingerprint: pairs=%d sha256(pairs,probabilities)=%.16s sha256(clusters)=%.16s"
            + " sha256(model)=%.16s sha256(keys)=%.16s%n",
        r.pairCount(),
        hex.formatHex(pairs.digest()),
        hex.formatHex(clusters.digest()),
        hex.formatHex(model.digest()),
        hex.formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(keys.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    System.out.print(r.modelSummary());
  }
}
