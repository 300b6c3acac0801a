package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.workflow.ImportList;
import org.sijill.workflow.ProgressListener;

/**
 * A list imported twice (the second time with a reason) is not counted twice on the overview, and
 * the overview says that repeated records exist. In a database of its own ({@link TestDatabases}),
 * like {@link EmptyCaseTest}. The names are synthetic.
 */
class RepeatedListTest {
  @TempDir static Path files;
  private static CaseFile caseFile;
  private static SijillServer server;
  private static String token;

  @BeforeAll
  static void importTwice() throws Exception {
    caseFile = TestDatabases.openCase();
    token = EmptyCaseTest.viewerToken(caseFile);
    Path list = files.resolve("list.csv");
    Files.writeString(
        list,
        "record_id,full_name,date_of_death\nr1,Samir Ward,2025-03-07\nr2,Hala Nour,2025-03-08\n");
    ImportList importList = new ImportList(caseFile);
    importList.run(
        new ImportList.Request(list, "list.csv", "Group A", null, null, "t"),
        ProgressListener.NONE);
    var again =
        importList.run(
            new ImportList.Request(list, "list.csv", "Group B", null, "sent again", "t"),
            ProgressListener.NONE);
    assertThat(again).isInstanceOf(ImportList.Imported.class);
    server = SijillServer.start(caseFile, 0);
  }

  @AfterAll
  static void close() {
    server.close();
    caseFile.close();
  }

  @Test
  void theOverviewCountsEachFileOnceAndShowsTheRepeat() throws Exception {
    String html =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(html)
        .contains("<span class=\"n\" id=\"count-victims\">2</span> victim records in 1 lists")
        .containsPattern(
            "id=\"count-repeated\"><span class=\"n\">2</span> more records in lists imported"
                + " again, not counted twice");
  }
}
