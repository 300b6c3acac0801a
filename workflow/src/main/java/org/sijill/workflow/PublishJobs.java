package org.sijill.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sijill.casefile.CaseFile;

/**
 * Reports made from the web app (an administrator's button): each runs {@link PublishReport} in the
 * background into {@code DATA/reports/report-<UTC time>/}, then zips the folder beside it for
 * download. Each report follows the newest earlier one in that folder as its previous edition, so
 * it proves it only added to it or lists what changed. One worker, as for the desk's jobs.
 */
public final class PublishJobs implements AutoCloseable {
  static final String KIND = "report";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final CaseFile caseFile;
  private final Path dataDir;
  private final DeskJobs jobs = new DeskJobs();
  private final Map<Long, Path> archives = new ConcurrentHashMap<>();

  public PublishJobs(CaseFile caseFile, Path dataDir) {
    this.caseFile = caseFile;
    this.dataDir = dataDir;
  }

  /** Queues a report; its job's message says what was written, or why it failed. */
  public DeskJobs.Job start(String by) {
    java.util.concurrent.CompletableFuture<Long> self =
        new java.util.concurrent.CompletableFuture<>();
    DeskJobs.Job job =
        jobs.submit(
            KIND,
            by,
            progress -> {
              Path reports = dataDir.resolve("reports");
              Files.createDirectories(reports);
              Optional<Path> previous = newest(reports);
              String name = "report-" + STAMP.format(Instant.now());
              Path out = reports.resolve(name);
              if (Files.exists(out)) {
                throw new PublishException(out + " exists: wait a second and try again");
              }
              PublishReport.Result r =
                  new PublishReport(caseFile, dataDir)
                      .publish(
                          new PublishReport.Request(out, previous, Optional.empty(), true, by),
                          progress);
              progress.progress("zipping the report", 0, -1);
              Path zip = reports.resolve(name + ".zip");
              zip(out, zip);
              archives.put(self.join(), zip);
              String edition =
                  previous.isEmpty()
                      ? "a first edition"
                      : r.extendsPrevious()
                          ? "it only adds to " + previous.get().getFileName()
                          : "it changes "
                              + r.changes().size()
                              + " entries of "
                              + previous.get().getFileName();
              return new DeskJobs.Outcome(
                  r.listed(),
                  (int) r.documented(),
                  r.listed()
                      + " persons in the public list, "
                      + r.withheld()
                      + " withheld; "
                      + edition);
            });
    self.complete(job.id());
    return job;
  }

  public Optional<DeskJobs.Job> find(long id) {
    return jobs.find(id);
  }

  public List<DeskJobs.Job> recent(int max) {
    return jobs.recent(KIND, max);
  }

  /** The zip of a finished report job. */
  public Optional<Path> archive(long jobId) {
    return Optional.ofNullable(archives.get(jobId)).filter(Files::isRegularFile);
  }

  /** The newest earlier report folder (names sort by time) that has a signed checkpoint. */
  static Optional<Path> newest(Path reports) throws IOException {
    try (Stream<Path> s = Files.list(reports)) {
      return s.filter(Files::isDirectory)
          .filter(d -> Files.isRegularFile(d.resolve(PublishReport.CHECKPOINT)))
          .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    }
  }

  /** Zips a report folder (paths inside under the folder's name). */
  static void zip(Path dir, Path zip) throws IOException {
    Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream o = Files.newOutputStream(tmp);
        ZipOutputStream z = new ZipOutputStream(o)) {
      for (Path f : files) {
        String name = dir.getFileName() + "/" + dir.relativize(f).toString().replace('\\', '/');
        z.putNextEntry(new ZipEntry(name));
        Files.copy(f, z);
        z.closeEntry();
      }
    }
    Files.move(tmp, zip, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    jobs.close();
  }
}
