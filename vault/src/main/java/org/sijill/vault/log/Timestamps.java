package org.sijill.vault.log;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.sijill.vault.Digests;

/**
 * Optional RFC 3161 trusted timestamps of signed checkpoints: independent evidence, from a
 * timestamp authority (TSA), that a log head existed by a given time. Off unless a TSA URL is
 * given, since Sijill must work offline. The token covers SHA-256 of the whole signed note and is
 * kept beside it as {@code <size>.tsr}.
 *
 * <p>Verification checks the token's message imprint against the note and its signature against the
 * TSA certificate the token carries; whether that TSA is trusted is the reader's decision (its
 * certificate chain is not checked here).
 */
public final class Timestamps {
  private Timestamps() {}

  /** A verified timestamp: when the TSA says the note existed, and who the TSA is. */
  public record Stamp(Instant time, String authority) {}

  /** Asks the TSA at {@code tsa} to timestamp {@code note}; returns the DER token. */
  public static byte[] request(URI tsa, String note) throws IOException {
    byte[] digest = Digests.md("SHA-256").digest(note.getBytes(StandardCharsets.UTF_8));
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(true);
    TimeStampRequest req =
        gen.generate(TSPAlgorithms.SHA256, digest, new BigInteger(63, new SecureRandom()));
    HttpResponse<byte[]> resp;
    try {
      resp =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(20))
              .build()
              .send(
                  HttpRequest.newBuilder(tsa)
                      .timeout(Duration.ofSeconds(60))
                      .header("Content-Type", "application/timestamp-query")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded()))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + tsa, e);
    }
    if (resp.statusCode() != 200) {
      throw new IOException(tsa + ": HTTP " + resp.statusCode());
    }
    try {
      TimeStampResponse r = new TimeStampResponse(resp.body());
      r.validate(req);
      TimeStampToken token = r.getTimeStampToken();
      if (token == null) {
        throw new IOException(tsa + ": refused: " + r.getStatusString());
      }
      verify(token.getEncoded(), note);
      return token.getEncoded();
    } catch (TSPException | ProofException e) {
      throw new IOException(tsa + ": unusable timestamp response: " + e.getMessage(), e);
    }
  }

  /**
   * Checks a token against the note it should cover.
   *
   * @throws ProofException when it covers other content or its signature fails
   */
  public static Stamp verify(byte[] token, String note) {
    try {
      TimeStampToken t = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token));
      byte[] want = Digests.md("SHA-256").digest(note.getBytes(StandardCharsets.UTF_8));
      if (!t.getTimeStampInfo().getMessageImprintAlgOID().equals(TSPAlgorithms.SHA256)
          || !java.security.MessageDigest.isEqual(
              t.getTimeStampInfo().getMessageImprintDigest(), want)) {
        throw new ProofException("timestamp covers other content than this checkpoint");
      }
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> certs = t.getCertificates().getMatches(t.getSID());
      if (certs.isEmpty()) {
        throw new ProofException("timestamp carries no TSA certificate");
      }
      X509CertificateHolder cert = certs.iterator().next();
      t.validate(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
      return new Stamp(t.getTimeStampInfo().getGenTime().toInstant(), cert.getSubject().toString());
    } catch (ProofException e) {
      throw e;
    } catch (Exception e) {
      throw new ProofException("timestamp does not verify: " + e.getMessage());
    }
  }
}
