package org.sijill.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.CaseLists;
import org.sijill.workflow.DeskJobs;
import org.sijill.workflow.EstimationResults;
import org.sijill.workflow.ExplainPair;
import org.sijill.workflow.ImportList;
import org.sijill.workflow.ProgressListener;
import org.sijill.workflow.RecordDecisions;
import org.sijill.workflow.ReviewQueue;
import org.sijill.workflow.StartEstimation;
import org.sijill.workflow.StartLinkage;
import org.sijill.workflow.accounts.Principal;

/**
 * The counting desk's use cases, shared by its pages and its API: both call the same workflow
 * classes, so a list uploaded in the browser and one posted by a script are imported by the same
 * rules. The server owns the job registry and closes it when it stops.
 */
final class Desk implements AutoCloseable {
  final CaseFile caseFile;
  final DeskJobs jobs = new DeskJobs();
  final ImportList importList;
  final CaseLists caseLists;
  final StartLinkage startLinkage;
  final StartEstimation startEstimation;
  final ReviewQueue reviewQueue;
  final RecordDecisions recordDecisions;
  final EstimationResults estimationResults;
  final ExplainPair explainPair;

  Desk(CaseFile caseFile) {
    this.caseFile = caseFile;
    this.importList = new ImportList(caseFile);
    this.caseLists = new CaseLists(caseFile);
    this.startLinkage = new StartLinkage(caseFile, jobs);
    this.startEstimation = new StartEstimation(caseFile, jobs);
    this.reviewQueue = new ReviewQueue(caseFile);
    this.recordDecisions = new RecordDecisions(caseFile);
    this.estimationResults = new EstimationResults(caseFile);
    this.explainPair = new ExplainPair(caseFile);
  }

  /**
   * Imports an uploaded list: the upload is copied to a private temporary file (the reader needs a
   * file), imported or refused as a whole, and the copy removed.
   */
  ImportList.Result importUpload(Context ctx, String by) {
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null) {
      throw HttpProblem.badRequest("choose a list file to upload (form field 'file')");
    }
    String source = ctx.formParam("source");
    if (source == null || source.isBlank()) {
      throw HttpProblem.badRequest("say whose list this is (form field 'source')");
    }
    if (source.length() > 200) {
      throw HttpProblem.badRequest("source is limited to 200 characters");
    }
    String name =
        Path.of(file.filename() == null ? "upload.csv" : file.filename()).getFileName().toString();
    Path tmp = null;
    try {
      tmp = Files.createTempFile("sijill-upload", ".csv");
      try (InputStream in = file.content()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return importList.run(
          new ImportList.Request(tmp, name, source.strip(), ctx.formParam("encoding"), null, by),
          ProgressListener.NONE);
    } catch (IllegalArgumentException | org.sijill.workflow.keys.KeysException e) {
      // a bad encoding name, or a case whose keys are locked: nothing was stored
      throw HttpProblem.badRequest(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // left for the OS to clean up; it is a private temporary file
        }
      }
    }
  }

  /** Who is making the request, as decisions and imports record it. */
  static String who(Context ctx) {
    // Every route that writes needs an analyst (Access.RULES), so a principal is always there.
    return Access.principal(ctx).map(Principal::recordedAs).orElse("anonymous");
  }

  @Override
  public void close() {
    jobs.close();
  }
}
