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
 * Sealer} ("(locked)" without the passphrase). Public and restricted sources (channels, ministries,
 * documentation groups) are stored as given, so they can be found by name.
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

  private String seal(String value, String confidentiality, String field) {
    return Confidentiality.CONFIDENTIAL.db().equals(confidentiality)
        ? sealer.seal(value, field)
        : value;
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
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into source (kind, name_ar, name_en, confidentiality, url, recorded_by)"
                        + " values (:kind, :nameAr, :nameEn, :conf, :url, :by)")
                .bind("kind", kind.db())
                .bind("nameAr", seal(nameAr, confidentiality.db(), "source.name"))
                .bind("nameEn", seal(nameEn, confidentiality.db(), "source.name"))
                .bind("conf", confidentiality.db())
                .bind("url", seal(url, confidentiality.db(), "source.url"))
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Records a corrected version of a source; the earlier versions stay. */
  public void correct(Source given, String by, String reason) {
    String c = given.confidentiality();
    Source corrected =
        new Source(
            given.id(),
            given.version(),
            given.kind(),
            seal(given.nameAr(), c, "source.name"),
            seal(given.nameEn(), c, "source.name"),
            c,
            seal(given.url(), c, "source.url"),
            seal(given.notes(), c, "source.notes"),
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
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from source_current order by coalesce(name_en, name_ar)")
                .mapTo(Source.class)
                .map(this::revealed)
                .list());
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
