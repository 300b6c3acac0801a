package org.sijill.workflow;

import org.sijill.casefile.CaseFile;
import org.sijill.linkage.Settings;

/**
 * Starts a linkage of the case as a background job (the web desk's "Link the lists"): the settings
 * are checked at once, so a mistake in them is refused before anything is queued; the run itself is
 * {@link LinkCase}, on the desk's single worker, honouring every review decision in force.
 */
public final class StartLinkage {
  /** The job kind of a linkage run. */
  public static final String KIND = "linkage";

  private final CaseFile caseFile;
  private final DeskJobs jobs;

  public StartLinkage(CaseFile caseFile, DeskJobs jobs) {
    this.caseFile = caseFile;
    this.jobs = jobs;
  }

  /**
   * @param settingsJson settings as JSON text, or null for {@link VictimListSettings}
   * @throws CountingException when the settings are not valid (nothing is queued)
   */
  public DeskJobs.Job start(String settingsJson, String by) {
    Settings settings =
        VictimListSettings.parse(
            settingsJson == null || settingsJson.isBlank()
                ? VictimListSettings.json()
                : settingsJson);
    return jobs.submit(
        KIND,
        by,
        progress -> {
          LinkCase.Result r =
              new LinkCase(caseFile).link(LinkCase.Request.of(settings, by), progress);
          return new DeskJobs.Outcome(
              r.run().id(),
              r.persons(),
              "linkage run "
                  + r.run().id()
                  + ": "
                  + r.records()
                  + " records of "
                  + r.lists().size()
                  + " lists are "
                  + r.persons()
                  + " persons; "
                  + r.toReview()
                  + " pairs to review");
        });
  }
}
