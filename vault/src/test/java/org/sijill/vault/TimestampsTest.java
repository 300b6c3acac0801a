package org.sijill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.log.ProofException;
import org.sijill.vault.log.Timestamps;

/** RFC 3161 timestamps against a throwaway local timestamp authority. */
class TimestampsTest {
  @TempDir Path data;
  private HttpServer server;
  private URI tsa;

  @BeforeEach
  void startAuthority() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    X500Name name = new X500Name("CN=Sijill test TSA");
    Instant now = Instant.now();
    X509CertificateHolder holder =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.ONE,
                Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)),
                name,
                kp.getPublic())
            .addExtension(
                Extension.extendedKeyUsage,
                true,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()));
    var cert = new JcaX509CertificateConverter().getCertificate(holder);
    TimeStampTokenGenerator tg =
        new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", kp.getPrivate(), cert),
            new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(
                    new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
            new ASN1ObjectIdentifier("1.2.3.4"));
    tg.addCertificates(new JcaCertStore(List.of(cert)));
    TimeStampResponseGenerator rg = new TimeStampResponseGenerator(tg, TSPAlgorithms.ALLOWED);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/tsa",
        ex -> {
          try {
            TimeStampRequest req = new TimeStampRequest(ex.getRequestBody().readAllBytes());
            byte[] body = rg.generate(req, BigInteger.TEN, new Date()).getEncoded();
            ex.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
          } catch (Exception e) {
            ex.sendResponseHeaders(500, -1);
          } finally {
            ex.close();
          }
        });
    server.start();
    tsa = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aCheckpointIsTimestampedAndTheTokenIsCheckedByVerify() throws Exception {
    Path f = data.resolve("x.txt");
    Files.writeString(f, "synthetic");
    String note;
    try (Vault v = Vault.open(data.resolve("d"))) {
      v.add(f, Acquisition.by("c"));
      Timestamps.Stamp s = v.timestamp(tsa);
      assertThat(s.authority()).isEqualTo("CN=Sijill test TSA");
      assertThat(s.time()).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
      note = v.checkpoint();
    }
    assertThat(Vault.verify(data.resolve("d"), List.of(), ProgressListener.NONE)).isEmpty();

    Path tsr = data.resolve("d/vault/checkpoints/00000000000000000002.tsr");
    assertThat(tsr).exists();
    byte[] token = Files.readAllBytes(tsr);
    assertThatThrownBy(() -> Timestamps.verify(token, note.replace("\n2\n", "\n3\n")))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("other content");
    // A token moved to another checkpoint is named by verify.
    try (Vault v = Vault.open(data.resolve("d"))) {
      v.record(EventType.VIEWED, v.event(0).sha256(), "analyst", java.util.Map.of());
      v.checkpoint();
    }
    Files.write(data.resolve("d/vault/checkpoints/00000000000000000003.tsr"), token);
    assertThat(Vault.verify(data.resolve("d"), List.of(), ProgressListener.NONE))
        .extracting(Fault::toString)
        .containsExactly(
            "timestamp 00000000000000000003.tsr: timestamp covers other content than this"
                + " checkpoint");
  }
}
