package org.sijill.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running {@code sijill serve}: USERS signed-in analysts (API tokens, one per simulated
 * person, taken round-robin from TOKENS) each repeat a browsing session — overview, victim search
 * in Arabic and Latin (page and API), evidence list and item (page and API), incidents, and now and
 * then an assessment recorded — with a think time between requests, for SECONDS. Prints per route
 * the count, p50, p99 and max latency in milliseconds and the errors (any status but 2xx/3xx, or no
 * answer).
 *
 * <p>An assessment is recorded (and submitted for review, the API's default) only on an item where
 * the workflow allows it: one of the case's untouched items (verification queue "new": no step yet,
 * so no version waits for review), each handed to one simulated analyst only, opened by that
 * analyst in the same visit before the assessment. The workflow refuses (409) a new version of an
 * item whose last version waits for review ({@code VerifyEvidence.assess}). The bench used to
 * assess a random item from each user's seeded generator, so every run on a reused case drew the
 * items the previous run had already submitted, and every assessment of a run on the restored case
 * was a refusal. Any 409 is therefore a failure of the run: after the table the refusals are
 * counted and the exit status is 1 when there was one. When the untouched items run out, visits
 * skip the assessment and the report says how many did.
 *
 * <p>Usage: {@code LoadBench URL TOKENS QUERIES USERS SECONDS [THINK_MS]}. QUERIES holds one search
 * term a line (names from the case's lists, Arabic and Latin). Only 127.0.0.1 is sent traffic.
 */
public final class LoadBench {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern EVIDENCE_ID = Pattern.compile("\"evidenceId\"\\s*:\\s*(\\d+)");

  private final RouteTimes times = new RouteTimes();
  private final AtomicLong skipped = new AtomicLong();

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: LoadBench URL TOKENS QUERIES USERS SECONDS [THINK_MS]");
      System.exit(2);
    }
    URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
      throw new IllegalArgumentException("load is sent to this machine only, not " + base);
    }
    List<String> tokens = lines(Path.of(args[1]));
    List<String> queries = lines(Path.of(args[2]));
    int users = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    long think = args.length > 5 ? Long.parseLong(args[5]) : 1000;
    long refused = new LoadBench().run(base, tokens, queries, users, seconds, think);
    if (refused > 0) {
      System.out.println(
          "FAILED: "
              + refused
              + " assessments refused (409): the bench assessed an item where the workflow does"
              + " not allow it");
      System.exit(1);
    }
  }

  private static List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Runs the load and prints the report; returns the number of assessments refused (409). */
  long run(URI base, List<String> tokens, List<String> queries, int users, int seconds, long think)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    List<Long> evidence = evidenceIds(http, base, tokens.get(0));
    List<Long> untouched = new ArrayList<>(untouchedIds(http, base, tokens.get(0)));
    Collections.shuffle(untouched, new Random(16));
    Queue<Long> assessable = new ConcurrentLinkedQueue<>(untouched);
    System.out.printf(
        "load: %s, %d users, %d s, think %d ms, %d evidence ids (%d untouched, to assess),"
            + " %d search terms%n",
        base, users, seconds, think, evidence.size(), untouched.size(), queries.size());
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(users);
    for (int u = 0; u < users; u++) {
      String token = tokens.get(u % tokens.size());
      Random rnd = new Random(1000L + u);
      Thread t =
          new Thread(
              () -> {
                try {
                  // Stagger the start so the users do not arrive in one burst.
                  Thread.sleep((long) (rnd.nextDouble() * think));
                  while (!stop.get()) {
                    session(
                        http,
                        base,
                        token,
                        queries,
                        evidence,
                        assessable,
                        rnd,
                        think,
                        measuring,
                        stop);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              },
              "user-" + u);
      t.setDaemon(true);
      t.start();
    }
    // A warm-up of a fifth of the run (at least 5 s) is not measured.
    Thread.sleep(Math.max(5_000, seconds * 200L));
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    double elapsed = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    done.await();
    times.report(users, elapsed);
    System.out.printf(
        "assessments: %d of %d untouched items handed out (the last visits' may stay unassessed);"
            + " %d visits skipped the assessment for want of one%n",
        untouched.size() - assessable.size(), untouched.size(), skipped.get());
    return times.refusals();
  }

  /** One analyst's visit: a few pages and searches, sometimes an assessment. */
  private void session(
      HttpClient http,
      URI base,
      String token,
      List<String> queries,
      List<Long> evidence,
      Queue<Long> assessable,
      Random rnd,
      long think,
      AtomicBoolean measuring,
      AtomicBoolean stop)
      throws InterruptedException {
    String q = queries.get(rnd.nextInt(queries.size()));
    long item = evidence.isEmpty() ? 1 : evidence.get(rnd.nextInt(evidence.size()));
    // One visit in four records an assessment, on an untouched item this analyst alone was handed
    // (and opens below): there no version waits for review, so the workflow allows it.
    boolean assess = rnd.nextInt(4) == 0;
    if (assess) {
      Long fresh = assessable.poll();
      if (fresh == null) {
        assess = false;
        skipped.incrementAndGet();
      } else {
        item = fresh;
      }
    }
    String enc = URLEncoder.encode(q, StandardCharsets.UTF_8);
    String script = arabic(q) ? "arabic" : "latin";
    List<String[]> steps = new ArrayList<>();
    steps.add(new String[] {"page /", ""});
    steps.add(new String[] {"page /victims?q= (" + script + ")", "victims?q=" + enc});
    steps.add(new String[] {"api /api/victims?q= (" + script + ")", "api/victims?q=" + enc});
    steps.add(new String[] {"page /evidence", "evidence"});
    steps.add(new String[] {"page /evidence/{id}", "evidence/" + item});
    steps.add(new String[] {"api /api/evidence/{id}", "api/evidence/" + item});
    steps.add(new String[] {"page /incidents", "incidents"});
    steps.add(
        new String[] {
          "api /api/evidence?page=",
          "api/evidence?page=" + (1 + rnd.nextInt(Math.max(1, evidence.size() / 50)))
        });
    for (String[] s : steps) {
      if (stop.get()) {
        return;
      }
      get(http, base, token, s[0], s[1], measuring);
      Thread.sleep((long) (think * (0.5 + rnd.nextDouble())));
    }
    if (assess && !stop.get()) {
      String strand =
          "{\"finding\":\"load test: nothing established\",\"confidence\":\"low\","
              + "\"method\":\"load test\",\"reasons\":\"synthetic assessment\"}";
      String body =
          "{\"judgement\":\"inconclusive\",\"reasons\":\"load test: synthetic assessment\","
              + "\"strands\":{\"source\":"
              + strand
              + ",\"technical\":"
              + strand
              + ",\"content\":"
              + strand
              + "}}";
      send(
          http,
          HttpRequest.newBuilder(base.resolve("api/evidence/" + item + "/assessments"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .timeout(Duration.ofSeconds(60))
              .build(),
          "api POST /api/evidence/{id}/assessments",
          measuring);
      Thread.sleep((long) (think * (0.5 + rnd.nextDouble())));
    }
  }

  private void get(
      HttpClient http, URI base, String token, String route, String path, AtomicBoolean measuring) {
    send(
        http,
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        route,
        measuring);
  }

  private void send(HttpClient http, HttpRequest req, String route, AtomicBoolean measuring) {
    long t0 = System.nanoTime();
    boolean error;
    String why = null;
    try {
      HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      // 409: the workflow refused an assessment (a version of the item waits for review). The
      // bench only assesses untouched items, each once, so this is a failure of the run; counted
      // during the warm-up as well.
      if (r.statusCode() == 409) {
        times.refused(route);
      }
      error = r.statusCode() >= 400;
      if (error) {
        why =
            r.statusCode()
                + " "
                + new String(r.body(), StandardCharsets.UTF_8)
                    .substring(0, Math.min(200, r.body().length));
      }
    } catch (IOException e) {
      error = true;
      why = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    long nanos = System.nanoTime() - t0;
    if (!measuring.get()) {
      return;
    }
    times.add(route, nanos, error ? why : null);
  }

  private static boolean arabic(String s) {
    return s.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
  }

  /**
   * Ids of the items no one has assessed or been assigned yet (the verification queue "new", up to
   * the 10,000 the server lists).
   */
  private static List<Long> untouchedIds(HttpClient http, URI base, String token) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int page = 1; page <= 20; page++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      base.resolve("api/verification/queue?list=new&size=500&page=" + page))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 400 && page > 1) {
        break; // past the last page
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "GET api/verification/queue: " + r.statusCode() + " " + r.body());
      }
      Matcher m = EVIDENCE_ID.matcher(r.body());
      int before = ids.size();
      while (m.find()) {
        ids.add(Long.parseLong(m.group(1)));
      }
      if (ids.size() == before) {
        break;
      }
    }
    return ids;
  }

  /**
   * Ids of evidence items, from the API's list (up to 20,000, so a 10k-evidence case is spread).
   */
  private static List<Long> evidenceIds(HttpClient http, URI base, String token) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int page = 1; page <= 200; page++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("api/evidence?size=100&page=" + page))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 400 && page > 1) {
        break; // past the last page
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET api/evidence: " + r.statusCode() + " " + r.body());
      }
      Matcher m = ID.matcher(r.body());
      int before = ids.size();
      while (m.find()) {
        ids.add(Long.parseLong(m.group(1)));
      }
      if (ids.size() == before) {
        break;
      }
    }
    return ids;
  }
}
