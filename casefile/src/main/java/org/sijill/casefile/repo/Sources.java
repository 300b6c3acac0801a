package org.sijill.casefile.repo;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.model.Source;
import org.sijill.casefile.seal.Sealer;

/**
 * Sources of information. A correction writes a new version.
 *
 * <p>A confidential source is a person to protect (a witness, an informant): when the case has
 * keys, its names, address and notes are stored sealed and read back through the case's {@link
 * Sealer} ("(locked)" without the passphrase). So is a source restricted to access groups: sealed
 * from its first version when it is restricted as it is added, and from the version written when it
 * is restricted later ({@link #sealIdentity}; the versions before stay as they were, since nothing
 * is rewritten). Once a source's identity is sealed, its corrections are sealed too. Other sources
 * (channels, ministries, documentation groups) are stored as given, so they can be found by name; a
 * sealed name cannot be ({@link #findByName} does not see it).
 */
public final class Sources {
  private final Jdbi jdbi;
  private final Sealer sealer;

  public Sources(Jdbi jdbi) {
    this(jdbi, Sealer.none());
  }

  public Sources(Jdbi jdbi, Sealer sealer) {
    this.jdbi = jdbi;
    this.sealer = sealer;
  }

  private String seal(String value, boolean sealed, String field) {
    return sealed ? sealer.seal(value, field) : value;
  }

  private static boolean confidential(String confidentiality) {
    return Confidentiality.CONFIDENTIAL.db().equals(confidentiality);
  }

  private Source revealed(Source s) {
    return new Source(
        s.id(),
        s.version(),
        s.kind(),
        sealer.reveal(s.nameAr(), "source.name"),
        sealer.reveal(s.nameEn(), "source.name"),
        s.confidentiality(),
        sealer.reveal(s.url(), "source.url"),
        sealer.reveal(s.notes(), "source.notes"),
        s.recordedAt(),
        s.recordedBy());
  }

  public long add(
      SourceKind kind,
      String nameAr,
      String nameEn,
      Confidentiality confidentiality,
      String url,
      String by) {
    return add(kind, nameAr, nameEn, confidentiality, url, by, false);
  }

  /**
   * Adds a source; with {@code restricted} (it is restricted to access groups as it is added) its
   * identity is sealed like a confidential source's, whatever its confidentiality.
   */
  public long add(
      SourceKind kind,
      String nameAr,
      String nameEn,
      Confidentiality confidentiality,
      String url,
      String by,
      boolean restricted) {
    boolean sealed = restricted || confidential(confidentiality.db());
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into source (kind, name_ar, name_en, confidentiality, url, recorded_by)"
                        + " values (:kind, :nameAr, :nameEn, :conf, :url, :by)")
                .bind("kind", kind.db())
                .bind("nameAr", seal(nameAr, sealed, "source.name"))
                .bind("nameEn", seal(nameEn, sealed, "source.name"))
                .bind("conf", confidentiality.db())
                .bind("url", seal(url, sealed, "source.url"))
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Records a corrected version of a source; the earlier versions stay. */
  public void correct(Source given, String by, String reason) {
    write(given, by, reason, confidential(given.confidentiality()) || anySealed(given.id()));
  }

  /**
   * Writes a new version of a source, its identity (names, address, notes) sealed: for a source
   * newly restricted to an access group. The versions before stay as they were. Nothing is written
   * when the current version is sealed already, or the case has no keys.
   *
   * @return true when a sealed version was written
   * @throws org.sijill.casefile.seal.KeyringException when the case is locked
   */
  public boolean sealIdentity(long id, String by, String reason) {
    if (!sealer.sealing() || sealedAtRest(id)) {
      return false;
    }
    Source current = find(id).orElseThrow(() -> new IllegalArgumentException("no source " + id));
    write(current, by, reason, true);
    return true;
  }

  /** Whether every identifying value of the current version is stored sealed (or empty). */
  public boolean sealedAtRest(long id) {
    return stored(id).stream().allMatch(v -> v == null || Sealer.isSealed(v));
  }

  private boolean anySealed(long id) {
    return stored(id).stream().anyMatch(Sealer::isSealed);
  }

  /** The stored (not revealed) names, address and notes of the current version. */
  private List<String> stored(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select name_ar, name_en, url, notes from source_current where id = :id")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        java.util.Arrays.asList(
                            rs.getString("name_ar"),
                            rs.getString("name_en"),
                            rs.getString("url"),
                            rs.getString("notes")))
                .findOne()
                .orElse(List.of()));
  }

  private void write(Source given, String by, String reason, boolean sealed) {
    String c = given.confidentiality();
    Source corrected =
        new Source(
            given.id(),
            given.version(),
            given.kind(),
            seal(given.nameAr(), sealed, "source.name"),
            seal(given.nameEn(), sealed, "source.name"),
            c,
            seal(given.url(), sealed, "source.url"),
            seal(given.notes(), sealed, "source.notes"),
            given.recordedAt(),
            given.recordedBy());
    jdbi.useTransaction(
        h ->
            h.createUpdate(
                    "insert into source (id, version, kind, name_ar, name_en, confidentiality, url,"
                        + " notes, recorded_by, reason) select :id, max(version) + 1, :kind,"
                        + " :nameAr, :nameEn, :confidentiality, :url, :notes, :by, :reason from"
                        + " source where id = :id")
                .bindMethods(corrected)
                .bind("by", by)
                .bind("reason", reason)
                .execute());
  }

  public Optional<Source> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from source_current where id = :id")
                .bind("id", id)
                .mapTo(Source.class)
                .findOne()
                .map(this::revealed));
  }

  public List<Source> all() {
    return stored().stream().map(this::revealed).toList();
  }

  /** The current versions as stored (sealed fields still sealed), by name. */
  private List<Source> stored() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from source_current order by coalesce(name_en, name_ar)")
                .mapTo(Source.class)
                .list());
  }

  /** The stored sources of each case file (by its Jdbi), by the number of source rows written. */
  private static final KeptUntilChanged<Jdbi, List<Source>> KEPT = new KeptUntilChanged<>();

  /**
   * {@link #all()}, read again only when the number of source rows ever written differs from {@code
   * rows}, which the caller has just read ({@link AccessGroups.ViewerState#sourceRows}). The table
   * is append-only (a correction is a new row), so any committed change changes the count; the
   * count must be read before the rows, so that a source written in between leaves the kept list
   * older than its count and the next call reads again (never the reverse). Sealed fields are
   * revealed on every call, since the case's keys may be locked or unlocked in between.
   */
  public List<Source> all(long rows) {
    return KEPT.get(jdbi, rows, this::stored).stream().map(this::revealed).toList();
  }

  public List<Source> history(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from source where id = :id order by version")
                .bind("id", id)
                .mapTo(Source.class)
                .map(this::revealed)
                .list());
  }

  public Optional<Source> findByName(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from source_current where name_en = :n or name_ar = :n order by id"
                        + " limit 1")
                .bind("n", name)
                .mapTo(Source.class)
                .findOne()
                .map(this::revealed));
  }
}
