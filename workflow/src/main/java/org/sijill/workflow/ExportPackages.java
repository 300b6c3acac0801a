package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence packages built for the web ({@code /exports}): each request becomes a job on one worker
 * thread that writes a BagIt zip into {@code DATA/exports/}, then offers it for download.
 *
 * <p>Who may take what: the full (unredacted) package needs an administrator; a redacted one (for
 * partners or the public, see {@link ExportEvidence}) may also be taken by a reviewer — the role
 * check is the caller's ({@code admin} below), the rule is here. Each export is recorded in the
 * custody log (against every item) and in the audit trail; each download of a package is audited
 * too. A job's package can be downloaded by the person who asked for it, or by an administrator.
 */
public final class ExportPackages implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExportPackages.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Where a job stands. */
  public enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An export job as it stands. {@code items} is set once done; {@code message} on failure. */
  public record Job(
      long id,
      String owner,
      boolean full,
      Status status,
      String file,
      Integer items,
      String message,
      Instant requestedAt) {}

  private final Path dataDir;
  private final CaseFile caseFile;
  private final Clock clock;
  private final AuditTrail audit;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sijill-export");
            t.setDaemon(true);
            return t;
          });

  public ExportPackages(Path dataDir, CaseFile caseFile) {
    this(dataDir, caseFile, Clock.systemUTC());
  }

  public ExportPackages(Path dataDir, CaseFile caseFile, Clock clock) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
    this.clock = clock;
    this.audit = new AuditTrail(caseFile);
  }

  /** The folder the packages are written to. */
  public static Path folder(Path dataDir) {
    return dataDir.resolve("exports");
  }

  /**
   * Queues an export of every item.
   *
   * @param admin whether {@code actor} is an administrator (only they may take the full package)
   * @throws EvidenceException when a full package is asked for by someone who is not an admin
   */
  public Job start(String actor, boolean admin, boolean full, String remote) {
    if (full && !admin) {
      audit.export(actor, "full refused", null, remote, "not an administrator");
      throw new EvidenceException(
          "only an administrator may take the full (unredacted) package; take the redacted one");
    }
    long id = ids.incrementAndGet();
    Instant now = clock.instant();
    String file =
        "export-" + id + "-" + STAMP.format(now) + (full ? "-full" : "-redacted") + ".zip";
    Job job = new Job(id, actor, full, Status.QUEUED, file, null, null, now);
    jobs.put(id, job);
    worker.submit(() -> run(job, remote));
    return job;
  }

  private void run(Job job, String remote) {
    jobs.put(id(job), with(job, Status.RUNNING, null, null));
    try {
      Path dir = folder(dataDir);
      Files.createDirectories(dir);
      ExportEvidence.Result r;
      // Waits while a viewing or an upload of this server holds the vault.
      try (EvidenceVault vault = EvidenceVault.open(dataDir, caseFile)) {
        r =
            new ExportEvidence(vault)
                .export(dir.resolve(job.file()), null, job.owner(), !job.full(), remote);
      }
      jobs.put(id(job), with(job, Status.DONE, r.items(), null));
    } catch (IOException | RuntimeException e) {
      LOG.warn("export {} failed", job.id(), e);
      jobs.put(id(job), with(job, Status.FAILED, null, e.getMessage()));
    }
  }

  private static long id(Job j) {
    return j.id();
  }

  private static Job with(Job j, Status s, Integer items, String message) {
    return new Job(j.id(), j.owner(), j.full(), s, j.file(), items, message, j.requestedAt());
  }

  public Optional<Job> job(long id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Jobs this person may see (an admin sees all), newest first. */
  public List<Job> jobs(String actor, boolean admin) {
    return jobs.values().stream()
        .filter(j -> admin || j.owner().equals(actor))
        .sorted(Comparator.comparingLong(Job::id).reversed())
        .toList();
  }

  /**
   * The finished package of a job, for its owner or an admin; the download is audited.
   *
   * @return empty when there is no such job for this person, or it is not done
   */
  public Optional<Path> download(long id, String actor, boolean admin, String remote) {
    Job j = jobs.get(id);
    if (j == null || (!admin && !j.owner().equals(actor)) || j.status() != Status.DONE) {
      return Optional.empty();
    }
    Path file = folder(dataDir).resolve(j.file());
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    audit.read(actor, "package", j.file(), "download", remote);
    return Optional.of(file);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
