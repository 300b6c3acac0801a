package org.sijill.workflow;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Actor;
import org.sijill.casefile.model.Enums.ActorKind;
import org.sijill.casefile.model.Enums.Grade;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.vault.EventType;

/**
 * Attributes an incident to an actor (a force, group, unit or person) in a role, with a grade and
 * the evidence it rests on. An actor named that the case does not know yet is recorded first, of
 * the kind given. Each item the attribution rests on gets a {@code linked_to_incident} entry in its
 * custody log naming the attribution's incident, role and grade; the attribution itself is a {@code
 * recorded} entry, with or without such items.
 */
public final class AttributeIncident {
  private final CaseFile caseFile;
  private final ItemCustody custody;

  public AttributeIncident(Path dataDir, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.custody = new ItemCustody(dataDir, caseFile);
  }

  /**
   * An attribution as entered.
   *
   * @param actor an actor's id, or its name (Arabic or Latin); an unknown name is a new actor
   * @param actorKind state_force, armed_group, militia, individual or unknown, for a new actor
   * @param role alleged_perpetrator (when empty), perpetrator, commander, facilitator or responder
   * @param grade confirmed, fair, weak, contested or discounted
   */
  public record Draft(
      String actor,
      String actorKind,
      String role,
      String grade,
      String rationale,
      List<Long> evidenceIds) {}

  /**
   * What was recorded; {@code newActor} says whether the actor was created for it.
   *
   * @param logIndexes the entries of the items it rests on, then the attribution's own entry
   */
  public record Attributed(
      long id, long incidentId, long actorId, boolean newActor, List<Long> logIndexes) {}

  public Attributed attribute(long incidentId, Draft d, String by) {
    if (caseFile.incidents().find(incidentId).isEmpty()) {
      throw new java.util.NoSuchElementException("there is no incident " + incidentId);
    }
    String name = DeskInput.text(d.actor(), "actor", 300);
    if (name == null) {
      throw new InvalidInputException("actor", "name the alleged perpetrator (or an actor id)");
    }
    String kind = DeskInput.oneOf(ActorKind.class, d.actorKind(), "actorKind");
    String role = DeskInput.oneOf(Roles.class, d.role(), "role");
    String grade = DeskInput.oneOf(Grade.class, d.grade(), "grade");
    if (grade == null) {
      throw new InvalidInputException("grade", "grade the attribution (confirmed … discounted)");
    }
    String rationale = DeskInput.text(d.rationale(), "rationale", 4000);
    List<Long> ids =
        List.copyOf(new LinkedHashSet<>(d.evidenceIds() == null ? List.of() : d.evidenceIds()));
    List<EvidenceItem> items = custody.items(ids, "evidenceIds");
    Optional<Actor> known = Optional.empty();
    if (name.matches("\\d{1,18}")) {
      known = caseFile.actors().find(Long.parseLong(name));
    }
    if (known.isEmpty()) {
      known = caseFile.actors().findByName(name);
    }
    String roleDb = role == null ? Roles.ALLEGED_PERPETRATOR.db() : role;
    custody.requireVault();
    // The custody entries come first: a link the log does not tell of must not exist.
    List<Long> indexes =
        custody.log(
            items,
            EventType.LINKED_TO_INCIDENT,
            by,
            Map.of("incident", Long.toString(incidentId), "attribution", roleDb, "grade", grade));
    long actorId;
    boolean created = known.isEmpty();
    if (created) {
      boolean arabic =
          name.codePoints()
              .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
      actorId =
          caseFile
              .actors()
              .add(
                  arabic ? name : null,
                  arabic ? null : name,
                  kind == null ? ActorKind.UNKNOWN.db() : kind,
                  null,
                  by);
    } else {
      actorId = known.get().id();
    }
    long id = caseFile.attributions().add(incidentId, actorId, roleDb, grade, rationale, ids, by);
    Map<String, String> details = new java.util.TreeMap<>();
    details.put("record", "attribution");
    details.put("action", "attributed");
    details.put("incident", Long.toString(incidentId));
    details.put("attribution_id", Long.toString(id));
    details.put("actor_id", Long.toString(actorId));
    details.put("role", roleDb);
    details.put("grade", grade);
    details.put("evidence", ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    List<Long> all = new java.util.ArrayList<>(indexes);
    all.add(custody.logWrite(by, details));
    return new Attributed(id, incidentId, actorId, created, List.copyOf(all));
  }

  /** The roles the case file knows (its check constraint lists the same). */
  enum Roles implements org.sijill.casefile.model.Vocabulary {
    ALLEGED_PERPETRATOR,
    PERPETRATOR,
    COMMANDER,
    FACILITATOR,
    RESPONDER
  }
}
