package org.sijill.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long work the web desk starts (a linkage run, an estimation), run one at a time on a single
 * worker thread, with the latest progress of each kept for a page or a script to poll.
 *
 * <p>One worker on purpose: a linkage run of the whole case already uses the machine's cores, and
 * two runs at once would race to supersede the same current run (the second would be refused). Jobs
 * live as long as the server: a page reload finds them by id; their results (the linkage run, the
 * estimates) are in the case file for good. Close the registry to stop the worker.
 */
public final class DeskJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeskJobs.class);

  /** Where a job stands. */
  public enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** The lower-case word the API uses. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The work of a job: reports progress, returns what it made (a small summary) or throws. */
  @FunctionalInterface
  public interface Work {
    Outcome run(ProgressListener progress) throws Exception;
  }

  /**
   * What a finished job made.
   *
   * @param resultId the stored thing's id (a linkage run, an estimation)
   * @param persons persons in the result, or null when it has none
   * @param message a sentence for the reader
   */
  public record Outcome(long resultId, Integer persons, String message) {}

  /**
   * A job as it stands now.
   *
   * @param progress 0..1, or -1 while the step's size is unknown
   * @param message the failure's reason, or the outcome's sentence, or the step being done
   */
  public record Job(
      long id,
      String kind,
      Status status,
      String step,
      double progress,
      Long resultId,
      Integer persons,
      String message,
      String by,
      Instant submittedAt) {}

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sijill-desk-jobs");
            t.setDaemon(true);
            return t;
          });
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** Queues {@code work}; returns the job as queued. */
  public Job submit(String kind, String by, Work work) {
    long id = ids.incrementAndGet();
    Job queued =
        new Job(
            id,
            kind,
            Status.QUEUED,
            "waiting for the worker",
            -1,
            null,
            null,
            null,
            by,
            Instant.now());
    jobs.put(id, queued);
    worker.execute(() -> run(queued, work));
    return queued;
  }

  private void run(Job queued, Work work) {
    long id = queued.id();
    update(id, Status.RUNNING, "starting", -1, null, null, null);
    try {
      Outcome o =
          work.run(
              (step, done, total) ->
                  update(
                      id,
                      Status.RUNNING,
                      step,
                      total > 0 ? Math.min(1.0, (double) done / total) : -1,
                      null,
                      null,
                      null));
      update(id, Status.DONE, "done", 1, o.resultId(), o.persons(), o.message());
    } catch (CountingException | PublishException | IllegalArgumentException e) {
      update(id, Status.FAILED, "failed", -1, null, null, e.getMessage());
    } catch (Exception | Error e) { // NOPMD: a job's failure is reported, never lost
      LOG.error("{} job {} failed", queued.kind(), id, e);
      update(
          id,
          Status.FAILED,
          "failed",
          -1,
          null,
          null,
          "the run stopped on an unexpected error ("
              + e.getClass().getSimpleName()
              + "); the"
              + " server log has the details");
    }
  }

  private void update(
      long id,
      Status status,
      String step,
      double progress,
      Long resultId,
      Integer persons,
      String message) {
    jobs.computeIfPresent(
        id,
        (k, j) ->
            new Job(
                id,
                j.kind(),
                status,
                step,
                progress,
                resultId,
                persons,
                message == null && status == Status.RUNNING ? step : message,
                j.by(),
                j.submittedAt()));
  }

  public Optional<Job> find(long id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** The jobs of one kind, newest first. */
  public List<Job> recent(String kind, int max) {
    List<Job> all = new ArrayList<>();
    for (Job j : jobs.values()) {
      if (j.kind().equals(kind)) {
        all.add(j);
      }
    }
    all.sort(Comparator.comparingLong(Job::id).reversed());
    return all.subList(0, Math.min(max, all.size()));
  }

  /** Stops the worker; a running job is interrupted. */
  @Override
  public void close() {
    worker.shutdownNow();
  }
}
