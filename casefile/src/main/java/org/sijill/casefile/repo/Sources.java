package org.sijill.casefile.repo;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.model.Source;

/** Sources of information. A correction writes a new version. */
public final class Sources {
  private final Jdbi jdbi;

  public Sources(Jdbi jdbi) {
    this.jdbi = jdbi;
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
                .bind("nameAr", nameAr)
                .bind("nameEn", nameEn)
                .bind("conf", confidentiality.db())
                .bind("url", url)
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Records a corrected version of a source; the earlier versions stay. */
  public void correct(Source corrected, String by, String reason) {
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
                .findOne());
  }

  public List<Source> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from source_current order by coalesce(name_en, name_ar)")
                .mapTo(Source.class)
                .list());
  }

  public List<Source> history(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from source where id = :id order by version")
                .bind("id", id)
                .mapTo(Source.class)
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
                .findOne());
  }
}
