package org.sijill.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where and how the server listens.
 *
 * <ul>
 *   <li>{@code host}: the address to bind; {@code 127.0.0.1} unless a team network is meant.
 *   <li>{@code tlsCert}/{@code tlsKey}: PEM files; with them the server speaks only HTTPS.
 *   <li>{@code behindProxy}: the public {@code https://} address of a reverse proxy that terminates
 *       TLS and forwards to this server.
 *   <li>{@code serverNames}: further host names the server answers to (e.g. the DNS name in the
 *       certificate when {@code host} is an IP address).
 *   <li>{@code demo}: anyone may read a case that is the synthetic demo, without logging in.
 * </ul>
 *
 * A server that listens beyond the loopback interface must have TLS or a proxy: names of the dead
 * and of witnesses never cross a network in clear text.
 */
public record ServerOptions(
    String host,
    int port,
    Path tlsCert,
    Path tlsKey,
    URI behindProxy,
    List<String> serverNames,
    boolean demo) {

  public ServerOptions {
    host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
    serverNames = serverNames == null ? List.of() : List.copyOf(serverNames);
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    if (behindProxy != null
        && (!"https".equalsIgnoreCase(behindProxy.getScheme()) || behindProxy.getHost() == null)) {
      throw new IllegalArgumentException(
          "--behind-proxy takes the proxy's public https:// address, e.g."
              + " https://sijill.example.org");
    }
    if (!loopback(host) && tlsCert == null && behindProxy == null) {
      throw new IllegalArgumentException(
          "--host "
              + host
              + " serves a network: give --tls-cert and --tls-key, or --behind-proxy with the"
              + " address of a reverse proxy that serves HTTPS");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port takes 0 to 65535");
    }
  }

  /** The default: 127.0.0.1 only, plain HTTP (nothing leaves the machine). */
  public static ServerOptions local(int port) {
    return new ServerOptions("127.0.0.1", port, null, null, null, List.of(), false);
  }

  /** The same options with demo reading switched on or off. */
  public ServerOptions withDemo(boolean on) {
    return new ServerOptions(host, port, tlsCert, tlsKey, behindProxy, serverNames, on);
  }

  boolean tls() {
    return tlsCert != null;
  }

  /** Cookies carry {@code Secure} when the browser reaches us over HTTPS (directly or by proxy). */
  boolean secureCookies() {
    return tls() || behindProxy != null;
  }

  /** The host names a request's {@code Host} header may carry (lower case, no port). */
  Set<String> allowedHosts() {
    Set<String> names = new LinkedHashSet<>();
    if (loopback(host)) {
      names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
    } else {
      names.add(bracketed(host));
    }
    if (behindProxy != null) {
      names.add(behindProxy.getHost().toLowerCase(Locale.ROOT));
    }
    for (String n : serverNames) {
      names.add(bracketed(n));
    }
    return names;
  }

  static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1")
        || h.equals("localhost")
        || h.equals("::1")
        || h.equals("[::1]")
        || h.startsWith("127.");
  }

  private static String bracketed(String h) {
    String l = h.toLowerCase(Locale.ROOT);
    return l.contains(":") && !l.startsWith("[") ? "[" + l + "]" : l;
  }
}
