package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Serving a team network: only with TLS (or a proxy), and cookies then carry Secure. */
@ExtendWith(DemoServer.Extension.class)
class TlsTest {
  private final DemoServer demo;

  TlsTest(DemoServer demo) {
    this.demo = demo;
  }

  @Test
  void aNetworkAddressWithoutTlsOrProxyIsRefused() {
    assertThatThrownBy(() -> new ServerOptions("0.0.0.0", 8080, null, null, null, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-cert")
        .hasMessageContaining("--behind-proxy");
    assertThatThrownBy(
            () ->
                new ServerOptions(
                    "127.0.0.1", 8080, null, null, URI.create("http://x.example"), null, false))
        .hasMessageContaining("https://");
    ServerOptions proxied =
        new ServerOptions(
            "127.0.0.1", 0, null, null, URI.create("https://sijill.example.org"), null, false);
    assertThat(proxied.secureCookies()).isTrue();
    assertThat(proxied.allowedHosts()).contains("sijill.example.org", "localhost");
    assertThat(ServerOptions.local(0).allowedHosts()).doesNotContain("sijill.example.org");
  }

  @Test
  void servesHttpsFromPemFilesWithSecureCookies(@TempDir Path dir) throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(256);
    KeyPair pair = gen.generateKeyPair();
    X500Name name = new X500Name("CN=localhost");
    Instant now = Instant.now();
    X509Certificate cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(1, ChronoUnit.DAYS)),
                        Date.from(now.plus(1, ChronoUnit.DAYS)),
                        name,
                        pair.getPublic())
                    .addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")))
                    .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    Path certFile = dir.resolve("cert.pem");
    Path keyFile = dir.resolve("key.pem");
    Files.writeString(certFile, pem(cert));
    // PKCS#8 ("BEGIN PRIVATE KEY"), as openssl writes keys today.
    Files.writeString(
        keyFile,
        pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(pair.getPrivate(), null)));

    ServerOptions options =
        new ServerOptions("127.0.0.1", 0, certFile, keyFile, null, List.of(), false);
    try (SijillServer tls = SijillServer.start(demo.caseFile, options, demo.accounts)) {
      assertThat(tls.address()).startsWith("https://127.0.0.1:");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("test", cert);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> login =
          client.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port() + "/login"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().allValues("Set-Cookie"))
          .anySatisfy(
              c ->
                  assertThat(c)
                      .startsWith(AccountPages.FORM_COOKIE + "=")
                      .contains("Secure")
                      .contains("HttpOnly")
                      .contains("SameSite=Strict"));
      // Plain HTTP on the TLS port gets no page.
      int plain;
      try {
        plain =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + tls.port() + "/login"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode();
      } catch (java.io.IOException e) {
        plain = -1;
      }
      assertThat(plain).isNotEqualTo(200);
    }
  }

  private static String pem(Object o) throws Exception {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter p = new JcaPEMWriter(w)) {
      p.writeObject(o);
    }
    return w.toString();
  }
}
