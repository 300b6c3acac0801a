package org.sijill.cli;

import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Location;
import picocli.CommandLine.Command;

/**
 * {@code sijill incident add|list|show|edit|link-evidence|attribute|link|withdraw}: the incident
 * desk on the command line, through the same workflow classes as the web pages and the API, so
 * every write is checked the same way and is a custody-log entry of the data directory's vault.
 * Each subcommand is its own class ({@code IncidentAdd}, {@code IncidentList}, …); this one groups
 * them and holds the few ways of writing an incident's facts that {@code list} and {@code show}
 * share.
 */
@Command(
    name = "incident",
    mixinStandardHelpOptions = true,
    description = "Incidents: record, correct, link evidence, attribute, withdraw links.",
    subcommands = {
      IncidentAdd.class,
      IncidentList.class,
      IncidentShow.class,
      IncidentEdit.class,
      IncidentLinkEvidence.class,
      IncidentAttribute.class,
      IncidentLink.class,
      IncidentWithdraw.class
    })
final class IncidentCommand {

  static String placeName(Location l) {
    return l.nameEn() != null ? l.nameEn() : l.nameAr();
  }

  static String killed(Incident i) {
    if (i.casualtiesBest() == null && i.casualtiesLow() == null) {
      return "";
    }
    String best = i.casualtiesBest() == null ? "?" : i.casualtiesBest().toString();
    return i.casualtiesLow() == null && i.casualtiesHigh() == null
        ? best
        : best
            + " ("
            + (i.casualtiesLow() == null ? "?" : i.casualtiesLow())
            + "–"
            + (i.casualtiesHigh() == null ? "?" : i.casualtiesHigh())
            + ")";
  }

  static String segment(Double from, Double to) {
    if (from == null && to == null) {
      return "";
    }
    return ", seconds " + (from == null ? "0" : fmt(from)) + "–" + (to == null ? "end" : fmt(to));
  }

  private static String fmt(double s) {
    return String.format(java.util.Locale.ROOT, "%.3f", s).replaceAll("\\.?0+$", "");
  }
}
