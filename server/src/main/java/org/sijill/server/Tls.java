package org.sijill.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS from the PEM files an administrator has (from Let's Encrypt, an organisation's CA, or
 * {@code openssl req -x509}): the certificate chain and its private key (PKCS#8, or the older
 * PKCS#1/SEC1 forms). The key is held only in memory.
 */
final class Tls {
  private static final char[] NO_PASSWORD = new char[0];

  private Tls() {}

  /** An in-memory key store holding the key and its chain. */
  static KeyStore keyStore(Path certFile, Path keyFile) {
    try {
      List<Certificate> chain = new ArrayList<>();
      try (var in = Files.newInputStream(certFile)) {
        chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
      }
      if (chain.isEmpty()) {
        throw new IllegalArgumentException(certFile + ": no PEM certificate in it");
      }
      PrivateKey key = privateKey(keyFile);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("sijill", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
      return ks;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the TLS certificate " + certFile + " and key " + keyFile + ": " + e, e);
    }
  }

  private static PrivateKey privateKey(Path keyFile) throws IOException {
    try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      Object o = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        try {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        } catch (IOException e) {
          // An EC key in the older SEC1 form that the JDK's provider cannot take as it is.
          return converter
              .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
              .getPrivateKey(pair.getPrivateKeyInfo());
        }
      }
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IllegalArgumentException(
          keyFile + ": no unencrypted PEM private key in it (an encrypted key is not supported)");
    }
  }

  /** A Jetty connector that speaks only HTTPS on {@code host:port}. */
  static Connector connector(
      Server server, HttpConfiguration http, KeyStore keyStore, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keyStore);
    ssl.setKeyStorePassword("");
    ssl.setKeyManagerPassword("");
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // The Host header is checked by the server itself against its configured names.
    secure.setSniHostCheck(false);
    http.addCustomizer(secure);
    http.setSecureScheme("https");
    ServerConnector c =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    c.setHost(host);
    c.setPort(port);
    return c;
  }
}
