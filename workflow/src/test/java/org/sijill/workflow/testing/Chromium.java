package org.sijill.workflow.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests, started the same way by each of them: the
 * server's pages and the published report opened from file.
 */
public final class Chromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /**
   * Starts a browser with a new profile of its own. A missing browser fails the build rather than
   * skipping: an unchecked UI is not a passing one.
   *
   * <p>The profile lives outside the tests' {@code @TempDir}s: Chromium's helper processes may
   * still write into it for a moment after {@code quit()}, and JUnit then failed the test because
   * it could not delete its temporary directory ("profile/Default"). The profile is removed when
   * the test JVM ends, by which time every browser has exited.
   */
  public static WebDriver start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium"
              + " chromium-driver (.ci/run installs them; see README)");
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without the background-networking flags Chromium keeps calling hosts this machine cannot
    // reach.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + newProfile());
    return new ChromeDriver(service, options);
  }

  private static Path newProfile() {
    try {
      Path profile = Files.createTempDirectory("sijill-chromium-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));
      return profile;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a Chromium profile directory", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover profile in the temporary directory harms nothing
    }
  }
}
