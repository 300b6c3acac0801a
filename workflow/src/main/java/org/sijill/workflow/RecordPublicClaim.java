package org.sijill.workflow;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.CasualtyCategory;
import org.sijill.casefile.model.Enums.Qualifier;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Location;
import org.sijill.casefile.repo.PublicClaims.NewPublicClaim;
import org.sijill.vault.EventType;

/**
 * Records who claimed what and when: a published figure in the claimant's words ("about 9,000
 * killed on the coast") and as a range, its scope (places, period, category), and the preserved
 * evidence of the claim itself. That item's custody log gets an {@code annotated} entry saying it
 * is the evidence of a public claim; the claim itself is a {@code recorded} entry, with or without
 * such an item.
 */
public final class RecordPublicClaim {
  private final CaseFile caseFile;
  private final ItemCustody custody;

  public RecordPublicClaim(Path dataDir, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.custody = new ItemCustody(dataDir, caseFile);
  }

  /**
   * A claim as entered.
   *
   * @param statedAs the figure as the claimant stated it, in their words
   * @param figure the number the words name; {@code lower} and {@code upper} bound it (a claim of
   *     "at least 1,300" has lower 1,300 and no upper)
   * @param qualifier at_least, about, up_to or exactly; read from {@code statedAs} when empty
   * @param category killed (when empty), missing or injured
   * @param place a gazetteer name or id the claim is about (optional)
   */
  public record Draft(
      String claimant,
      String statedAs,
      Integer figure,
      Integer lower,
      Integer upper,
      String claimedOn,
      String scope,
      String place,
      String periodFrom,
      String periodTo,
      String category,
      String qualifier,
      Long evidenceId,
      String quote) {}

  /**
   * What was recorded.
   *
   * @param logIndex the evidence item's {@code annotated} entry, or null without an item
   * @param recordIndex the claim's own {@code recorded} entry
   */
  public record Recorded(
      long id, String qualifier, int lower, Integer upper, Long logIndex, long recordIndex) {}

  public Recorded record(Draft d, String by) {
    String claimant = DeskInput.text(d.claimant(), "claimant", 300);
    if (claimant == null) {
      throw new InvalidInputException("claimant", "say who made the claim");
    }
    String statedAs = DeskInput.text(d.statedAs(), "statedAs", 1000);
    Integer figure = DeskInput.count(d.figure(), "figure");
    Integer lower = DeskInput.count(d.lower(), "lower");
    Integer upper = DeskInput.count(d.upper(), "upper");
    if (figure == null && lower == null) {
      throw new InvalidInputException("figure", "give the number claimed (or lower)");
    }
    int low = lower != null ? lower : figure;
    if (upper != null && upper < low) {
      throw new InvalidInputException("upper", "is less than lower");
    }
    if (figure != null && (figure < low || (upper != null && figure > upper))) {
      throw new InvalidInputException("figure", "lies outside lower–upper");
    }
    LocalDate claimedOn = DeskInput.date(d.claimedOn(), "claimedOn");
    if (claimedOn == null) {
      throw new InvalidInputException("claimedOn", "say when the claim was made (2025-03-08)");
    }
    String scope = DeskInput.text(d.scope(), "scope", 1000);
    Location place = null;
    String key = DeskInput.text(d.place(), "place", 200);
    if (key != null) {
      place =
          (key.matches("\\d{1,18}")
                  ? caseFile.locations().find(Long.parseLong(key))
                  : caseFile.locations().findByName(key))
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "place", "'" + DeskInput.abbreviate(key) + "' is not a known place"));
    }
    DeskInput.Day from = DeskInput.day(d.periodFrom(), "periodFrom");
    DeskInput.Day to = DeskInput.day(d.periodTo(), "periodTo");
    if (from != null && to != null && to.last().isBefore(from.date())) {
      throw new InvalidInputException("periodTo", "ends before periodFrom");
    }
    String category = DeskInput.oneOf(CasualtyCategory.class, d.category(), "category");
    String qualifier = DeskInput.oneOf(Qualifier.class, d.qualifier(), "qualifier");
    if (qualifier == null) {
      qualifier = qualifierOf(statedAs, low, upper);
    }
    String quote = DeskInput.text(d.quote(), "quote", 4000);
    List<EvidenceItem> items =
        d.evidenceId() == null ? List.of() : custody.items(List.of(d.evidenceId()), "evidenceId");
    Map<String, String> details = new TreeMap<>();
    details.put("evidence_of", "public claim");
    details.put("claimant", claimant);
    details.put("claimed_on", claimedOn.toString());
    custody.requireVault();
    List<Long> logged = custody.log(items, EventType.ANNOTATED, by, details);
    long id =
        caseFile
            .publicClaims()
            .add(
                new NewPublicClaim(
                    claimant,
                    null,
                    claimedOn,
                    low,
                    upper,
                    qualifier,
                    category == null ? CasualtyCategory.KILLED.db() : category,
                    scope,
                    place == null ? null : place.id(),
                    from == null ? null : from.date(),
                    to == null ? (from == null ? null : from.last()) : to.last(),
                    items.isEmpty() ? null : items.get(0).id(),
                    quote),
                statedAs,
                figure,
                by);
    Map<String, String> own = new TreeMap<>();
    own.put("record", "public_claim");
    own.put("action", "recorded");
    own.put("public_claim", Long.toString(id));
    if (!items.isEmpty()) {
      own.put("evidence", Long.toString(items.get(0).id()));
    }
    return new Recorded(
        id,
        qualifier,
        low,
        upper,
        logged.isEmpty() ? null : logged.get(0),
        custody.logWrite(by, own));
  }

  /** The qualifier the claimant's words imply: "at least", "up to", "about" (the default). */
  static String qualifierOf(String statedAs, int low, Integer upper) {
    String s = statedAs == null ? "" : statedAs.toLowerCase(Locale.ROOT);
    if (s.matches(".*\\b(at least|more than|over|no fewer than)\\b.*")
        || s.contains("لا يقل")
        || s.contains("أكثر من")) {
      return Qualifier.AT_LEAST.db();
    }
    if (s.matches(".*\\b(up to|as many as|at most)\\b.*") || s.contains("حتى")) {
      return Qualifier.UP_TO.db();
    }
    if (s.matches(".*\\b(exactly|precisely)\\b.*") || (upper != null && upper == low)) {
      return Qualifier.EXACTLY.db();
    }
    return Qualifier.ABOUT.db();
  }
}
