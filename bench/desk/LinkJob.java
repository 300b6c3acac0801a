// Starts a linkage run over a case's lists as the desk's Linking page does (the same job, through
// POST /api/linkage-runs) and watches it as the page does, polling its state every 200 ms: prints
// each change of step or progress with its time, then the wall time, the longest gap between two
// changes, and the diagnostics of the stored run (persons; against the truth when the lists carry
// one). Run by bench/desk-link.sh with Java's single-file launcher: java LinkJob.java URL TOKEN
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LinkJob {
  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/$", "");
    String token = args[1];
    HttpClient http = HttpClient.newHttpClient();
    long t0 = System.nanoTime();
    String started =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/linkage-runs"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String id = field(started, "id");
    String last = null;
    double lastChange = 0;
    double maxGap = 0;
    String status = "queued";
    String body = started;
    while (status.equals("queued") || status.equals("running")) {
      Thread.sleep(200);
      body =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/linkage-runs/" + id))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      double now = (System.nanoTime() - t0) / 1e9;
      status = field(body, "status");
      String state = status + " | " + field(body, "progress") + " | " + field(body, "message");
      if (!state.equals(last)) {
        maxGap = Math.max(maxGap, now - lastChange);
        lastChange = now;
        last = state;
        System.out.printf(Locale.ROOT, "%8.1f s  %s%n", now, state);
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "linkage job %s: %s in %.1f s; longest gap between progress updates %.1f s%n",
        id,
        status,
        wall,
        maxGap);
    String diag =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/diagnostics"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    System.out.println(
        "run "
            + field(diag, "run")
            + ": records="
            + field(diag, "records")
            + " persons="
            + field(diag, "persons")
            + " truth: true-persons="
            + field(diag, "truePersons")
            + " blocking-recall="
            + field(diag, "blockingRecall")
            + " P="
            + field(diag, "precision")
            + " R="
            + field(diag, "recall")
            + " F1="
            + field(diag, "f1"));
    if (!status.equals("done")) {
      System.exit(1);
    }
  }

  /** A top-level scalar of a small JSON object (first occurrence), or "-" when absent or null. */
  static String field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + name + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE+]+|null|true|false)")
            .matcher(json);
    if (!m.find() || m.group(1).equals("null")) {
      return "-";
    }
    return m.group(2) != null ? m.group(2) : m.group(1);
  }
}
