package org.sijill.workflow.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.AuditEvent;
import org.sijill.casefile.repo.AuditEvents;
import org.sijill.casefile.repo.Page;
import org.sijill.casefile.seal.KeyringException;
import org.sijill.casefile.seal.Sealer;

/**
 * The audit trail of a case: who read which item, who exported what, which logins failed, which
 * requests were throttled, what administrators changed — each with the time and the address it came
 * from. Rows are appended, never changed (the database refuses).
 *
 * <p>Rows name items by type and id, never by the names of the people in them; the free-text detail
 * (an export's options, a reason) is sealed under the case's keys when it has keys. When a case
 * with keys is locked, the detail is replaced by a note saying so: the event itself is always
 * recorded.
 *
 * <p>One call per kind of event. Lane G's restriction check, and any page that shows one item, call
 * {@link #read}.
 */
public final class AuditTrail {
  /** What kind of event a row records (its {@code kind} column). */
  public enum Kind {
    READ,
    EXPORT,
    LOGIN_FAILED,
    ADMIN,
    THROTTLED,
    SECOND_FACTOR;

    public String db() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code raw} (as stored, any case), or null when it names none. */
    public static Kind parse(String raw) {
      for (Kind k : values()) {
        if (k.db().equalsIgnoreCase(raw == null ? "" : raw.strip())) {
          return k;
        }
      }
      return null;
    }
  }

  static final String DETAIL_FIELD = "audit.detail";
  static final String LOCKED_NOTE = "(not recorded: the case was locked)";

  private final AuditEvents events;
  private final CaseFile caseFile;

  public AuditTrail(CaseFile caseFile) {
    this.caseFile = caseFile;
    this.events = caseFile.auditEvents();
  }

  /** A read of one item: {@code how} says by which way (page, api, original, download, …). */
  public void read(String actor, String itemType, String itemId, String how, String remote) {
    write(Kind.READ, actor, "read " + how, itemType, itemId, remote, null);
  }

  /** An export: {@code what} says which (full, redacted), {@code detail} its options. */
  public void export(String actor, String what, String target, String remote, String detail) {
    write(Kind.EXPORT, actor, "export " + what, "package", target, remote, detail);
  }

  /** A refused login or API token; {@code name} is the name typed (or "(token)"). */
  public void failedLogin(String name, String why, String remote) {
    write(
        Kind.LOGIN_FAILED,
        clip(name == null || name.isBlank() ? "(none)" : name),
        why,
        null,
        null,
        remote,
        null);
  }

  /** A request answered 429 because of too many failures. */
  public void throttled(String name, String what, String remote) {
    write(
        Kind.THROTTLED,
        clip(name == null || name.isBlank() ? "(none)" : name),
        what,
        null,
        null,
        remote,
        null);
  }

  /** An administrator's action on a user (or the whole case, target null). */
  public void admin(String actor, String action, String targetUser, String remote) {
    write(Kind.ADMIN, actor, action, targetUser == null ? null : "user", targetUser, remote, null);
  }

  /**
   * An administrator lifted an item's restriction to a group; the group and the reason go into the
   * (sealed) detail, the item by type and id only.
   */
  public void restrictionLifted(
      String actor, String itemType, long itemId, String group, String reason, String remote) {
    write(
        Kind.ADMIN,
        actor,
        "lift restriction",
        itemType,
        Long.toString(itemId),
        remote,
        "group: " + group + "; reason: " + reason);
  }

  /** Enrolment or confirmation of one's own second factor. */
  public void secondFactor(String actor, String action, String remote) {
    write(Kind.SECOND_FACTOR, actor, action, "user", actor, remote, null);
  }

  /** One row, as shown: the detail opened when the case is unlocked. */
  public record Row(
      long id,
      Instant at,
      String kind,
      String actor,
      String action,
      String itemType,
      String itemId,
      String remote,
      String detail) {}

  /**
   * Which rows to list; null fields do not filter. {@code item} is {@code TYPE:ID} (e.g. {@code
   * evidence:12}) or a bare id of any type; {@code since} and {@code until} are days (UTC), both
   * included.
   */
  public record Query(
      String actor, Kind kind, String item, LocalDate since, LocalDate until, int page, int size) {}

  /** The rows that match, newest first, one page. */
  public Page<Row> list(Query q) {
    String type = null;
    String id = null;
    if (q.item() != null && !q.item().isBlank()) {
      String item = q.item().strip();
      int colon = item.indexOf(':');
      if (colon > 0) {
        type = item.substring(0, colon);
        id = item.substring(colon + 1);
      } else {
        id = item;
      }
    }
    Instant from = q.since() == null ? null : q.since().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to =
        q.until() == null ? null : q.until().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    String actor = q.actor() == null || q.actor().isBlank() ? null : q.actor().strip();
    Page<AuditEvent> page =
        events.list(
            new AuditEvents.Filter(
                actor, q.kind() == null ? null : q.kind().db(), type, id, from, to),
            q.page(),
            q.size());
    Sealer sealer = caseFile.sealer();
    return new Page<>(
        page.items().stream()
            .map(
                e ->
                    new Row(
                        e.id(),
                        e.recordedAt(),
                        e.kind(),
                        e.actor(),
                        e.action(),
                        e.itemType(),
                        e.itemId(),
                        e.remote(),
                        sealer.reveal(e.detail(), DETAIL_FIELD)))
            .toList(),
        page.page(),
        page.size(),
        page.total());
  }

  private void write(
      Kind kind,
      String actor,
      String action,
      String itemType,
      String itemId,
      String remote,
      String detail) {
    String stored = detail;
    if (detail != null) {
      try {
        stored = caseFile.sealer().seal(detail, DETAIL_FIELD);
      } catch (KeyringException e) {
        stored = LOCKED_NOTE;
      }
    }
    events.record(
        new AuditEvents.NewEvent(
            kind.db(),
            actor == null ? "(unknown)" : actor,
            action,
            itemType,
            itemId,
            remote == null ? null : clip(remote),
            stored));
  }

  private static String clip(String s) {
    return s.length() > 100 ? s.substring(0, 100) : s;
  }
}
