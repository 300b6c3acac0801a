package org.sijill.casefile.repo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.seal.Sealer;

/** Evidence items and their custody events; both are append-only. */
public final class Evidence {
  private final Jdbi jdbi;
  private final Sealer sealer;

  public Evidence(Jdbi jdbi) {
    this(jdbi, Sealer.none());
  }

  /** Sealed notes, addresses and custody details are read through {@code sealer}. */
  public Evidence(Jdbi jdbi, Sealer sealer) {
    this.sealer = sealer;
    this.jdbi = jdbi;
  }

  /** What to record for a newly preserved file; {@code metadata} is a JSON object. */
  public record NewItem(
      String sha256,
      String sha512,
      String mediaType,
      long sizeBytes,
      String originalName,
      String originalUrl,
      Instant acquiredAt,
      String acquiredBy,
      Long sourceId,
      String metadata,
      String note) {}

  public long add(NewItem item, String by) {
    return jdbi.withHandle(h -> add(h, item, by));
  }

  /** Inside a caller's transaction, e.g. together with the custody event of the acquisition. */
  public static long add(Handle h, NewItem item, String by) {
    return h.createUpdate(
            "insert into evidence_item (sha256, sha512, media_type, size_bytes, original_name,"
                + " original_url, acquired_at, acquired_by, source_id, metadata, note,"
                + " recorded_by) values (:sha256, :sha512, :mediaType, :sizeBytes, :originalName,"
                + " :originalUrl, :acquiredAt, :acquiredBy, :sourceId, cast(:metadata as jsonb),"
                + " :note, :by)")
        .bindMethods(item)
        .bind("metadata", item.metadata() == null ? "{}" : item.metadata())
        .bind("by", by)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  public Optional<EvidenceItem> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from evidence_item where id = :id")
                .bind("id", id)
                .mapTo(EvidenceItem.class)
                .findOne()
                .map(this::revealed));
  }

  public Optional<EvidenceItem> findBySha256(String sha256) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from evidence_item where sha256 = :s")
                .bind("s", sha256)
                .mapTo(EvidenceItem.class)
                .findOne()
                .map(this::revealed));
  }

  /** Evidence, most recently acquired first. */
  public Page<EvidenceItem> list(int page, int size) {
    int[] p = Page.clamp(page, size);
    return jdbi.withHandle(
        h -> {
          long total = h.createQuery("select count(*) from evidence_item").mapTo(Long.class).one();
          List<EvidenceItem> items =
              h.createQuery(
                      "select * from evidence_item order by"
                          + " acquired_at desc, id desc limit :limit offset :offset")
                  .bind("limit", p[1])
                  .bind("offset", Page.offset(p[0], p[1]))
                  .mapTo(EvidenceItem.class)
                  .map(this::revealed)
                  .list();
          return new Page<>(items, p[0], p[1], total);
        });
  }

  /**
   * Which evidence to list; every field may be null (no condition).
   *
   * @param kind the first part of the media type: {@code image}, {@code video}, {@code audio}, or
   *     {@code other} for anything else
   * @param sourceId items from this source
   * @param status items whose verification status (their latest step) is this one; {@code new} for
   *     items no one has taken up
   * @param judgement items whose latest verification record has this judgement
   * @param hidden items never to list (restricted items the asker may not see)
   */
  public record Filter(
      String kind, Long sourceId, String status, String judgement, java.util.Set<Long> hidden) {
    public static final Filter NONE = new Filter(null, null, null, null, java.util.Set.of());

    public Filter {
      hidden = hidden == null ? java.util.Set.of() : java.util.Set.copyOf(hidden);
    }
  }

  private static final String FILTERED =
      "from evidence_item e where (cast(:kind as text) is null or (cast(:kind as text) = 'other'"
          + " and split_part(e.media_type, '/', 1) not in ('image', 'video', 'audio')) or"
          + " split_part(e.media_type, '/', 1) = cast(:kind as text)) and (cast(:source as bigint)"
          + " is null or e.source_id = cast(:source as bigint)) and (cast(:status as text) is null"
          + " or cast(:status as text) = coalesce((select s.status from verification_step s"
          + " where s.evidence_id = e.id order by s.id desc limit 1), 'new')) and (cast(:judgement"
          + " as text) is null or cast(:judgement as text) = (select v.judgement from verification"
          + " v where v.evidence_id = e.id order by v.version desc limit 1)) and not (e.id ="
          + " any(:hidden))";

  /** Evidence that passes {@code filter}, most recently acquired first. */
  public Page<EvidenceItem> search(Filter filter, int page, int size) {
    int[] p = Page.clamp(page, size);
    return jdbi.withHandle(
        h -> {
          long total =
              bindFilter(h.createQuery("select count(*) " + FILTERED), filter)
                  .mapTo(Long.class)
                  .one();
          List<EvidenceItem> items =
              bindFilter(
                      h.createQuery(
                          "select e.* "
                              + FILTERED
                              + " order by e.acquired_at desc, e.id desc limit :limit offset"
                              + " :offset"),
                      filter)
                  .bind("limit", p[1])
                  .bind("offset", Page.offset(p[0], p[1]))
                  .mapTo(EvidenceItem.class)
                  .map(this::revealed)
                  .list();
          return new Page<>(items, p[0], p[1], total);
        });
  }

  private static org.jdbi.v3.core.statement.Query bindFilter(
      org.jdbi.v3.core.statement.Query q, Filter f) {
    return q.bind("kind", f.kind())
        .bind("source", f.sourceId())
        .bind("status", f.status())
        .bind("judgement", f.judgement())
        .bindArray("hidden", Long.class, f.hidden());
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("select count(*) from evidence_item").mapTo(Long.class).one());
  }

  /** Records a custody event; {@code details} is a JSON object, {@code logIndex} may be null. */
  public long recordEvent(
      Long evidenceId,
      String action,
      String actor,
      Instant occurredAt,
      String details,
      Long logIndex) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into custody_event (evidence_id, action, actor, occurred_at, details,"
                        + " log_index, recorded_by) values (:e, :action, :actor, :at,"
                        + " cast(:details as jsonb), :logIndex, :actor)")
                .bind("e", evidenceId)
                .bind("action", action)
                .bind("actor", actor)
                .bind("at", occurredAt)
                .bind("details", details == null ? "{}" : details)
                .bind("logIndex", logIndex)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public List<CustodyEvent> events(long evidenceId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from custody_event where evidence_id ="
                        + " :e order by occurred_at, id")
                .bind("e", evidenceId)
                .mapTo(CustodyEvent.class)
                .map(
                    e ->
                        new CustodyEvent(
                            e.id(),
                            e.evidenceId(),
                            e.action(),
                            e.actor(),
                            e.occurredAt(),
                            sealer.revealJson(e.details(), "custody."),
                            e.logIndex()))
                .list());
  }

  /**
   * The source names that custody details give for each item (the log keeps a source by its name),
   * read through the case's sealer: the way to an item's source when its row has no source id.
   */
  public java.util.Map<Long, List<String>> namedSources() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select evidence_id, details ->> 'source' as s from custody_event where"
                        + " evidence_id is not null and details ->> 'source' is not null")
                .reduceRows(
                    new java.util.HashMap<Long, List<String>>(),
                    (m, row) -> {
                      String name =
                          sealer.reveal(row.getColumn("s", String.class), "custody.source");
                      m.computeIfAbsent(
                              row.getColumn("evidence_id", Long.class),
                              k -> new java.util.ArrayList<>())
                          .add(name);
                      return m;
                    }));
  }

  /** Links an item to an incident it documents. */
  public void linkToIncident(long incidentId, long evidenceId, String relation, String by) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into incident_evidence (incident_id, evidence_id, relation,"
                        + " recorded_by) values (:i, :e, :r, :by)")
                .bind("i", incidentId)
                .bind("e", evidenceId)
                .bind("r", relation)
                .bind("by", by)
                .execute());
  }

  public List<EvidenceItem> forIncident(long incidentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select e.* from evidence_item e join"
                        + " incident_evidence ie on ie.evidence_id = e.id where ie.incident_id ="
                        + " :i and not exists (select 1 from link_withdrawal w where w.kind ="
                        + " 'evidence' and w.link_id = ie.id) order by e.acquired_at")
                .bind("i", incidentId)
                .mapTo(EvidenceItem.class)
                .map(this::revealed)
                .list());
  }

  private EvidenceItem revealed(EvidenceItem i) {
    return new EvidenceItem(
        i.id(),
        i.sha256(),
        i.sha512(),
        i.mediaType(),
        i.sizeBytes(),
        i.originalName(),
        sealer.reveal(i.originalUrl(), "custody.url"),
        i.acquiredAt(),
        i.acquiredBy(),
        i.sourceId(),
        i.metadata(),
        sealer.reveal(i.note(), "custody.note"),
        i.recordedAt(),
        i.recordedBy());
  }
}
