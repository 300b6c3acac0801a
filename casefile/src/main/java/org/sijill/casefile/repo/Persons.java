package org.sijill.casefile.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.Person;

/**
 * Distinct persons as the linkage runs found them. A person's id comes from the {@code person}
 * table and is kept from run to run while its records stay the same (see the workflow's {@code
 * LinkCase}); which records a person has is a fact of one run.
 */
public final class Persons {
  private final Jdbi jdbi;

  public Persons(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The persons of a run, by id, with their records. */
  public Page<Person> list(long runId, int page, int size) {
    int[] p = Page.clamp(page, size);
    return jdbi.withHandle(
        h -> {
          long total =
              h.createQuery(
                      "select count(distinct person_id) from linkage_link where run_id = :run")
                  .bind("run", runId)
                  .mapTo(Long.class)
                  .one();
          List<Long> ids =
              h.createQuery(
                      "select distinct person_id from linkage_link where run_id = :run order by"
                          + " person_id limit :limit offset :offset")
                  .bind("run", runId)
                  .bind("limit", p[1])
                  .bind("offset", Page.offset(p[0], p[1]))
                  .mapTo(Long.class)
                  .list();
          List<Person> items = withRecords(h, runId, ids);
          return new Page<>(items, p[0], p[1], total);
        });
  }

  /** One person of a run with its records, if the run has that person. */
  public java.util.Optional<Person> find(long runId, long personId) {
    return jdbi.withHandle(h -> withRecords(h, runId, List.of(personId)).stream().findFirst())
        .filter(p -> !p.records().isEmpty());
  }

  private static List<Person> withRecords(org.jdbi.v3.core.Handle h, long runId, List<Long> ids) {
    Map<Long, List<Person.Record>> records = new LinkedHashMap<>();
    Map<Long, String> names = new LinkedHashMap<>();
    ids.forEach(id -> records.put(id, new ArrayList<>()));
    if (!ids.isEmpty()) {
      h.createQuery(
              "select l.person_id, l.victim_id, l.probability, v.list_name, v.record_id,"
                  + " v.full_name, v.given_name, v.father_name, v.family_name,"
                  + " pc.display_name from linkage_link l join victim_record v on v.id ="
                  + " l.victim_id left join person_current pc on pc.id = l.person_id where"
                  + " l.run_id = :run and l.person_id = any(:ids) order by l.person_id,"
                  + " v.list_name, v.line_number, v.id")
          .bind("run", runId)
          .bindArray("ids", Long.class, ids)
          .map(
              (rs, ctx) -> {
                long person = rs.getLong("person_id");
                names.put(person, rs.getString("display_name"));
                double pr = rs.getDouble("probability");
                Double probability = rs.wasNull() ? null : pr;
                records
                    .get(person)
                    .add(
                        new Person.Record(
                            rs.getLong("victim_id"),
                            rs.getString("list_name"),
                            rs.getString("record_id"),
                            name(
                                rs.getString("full_name"),
                                rs.getString("given_name"),
                                rs.getString("father_name"),
                                rs.getString("family_name")),
                            probability));
                return person;
              })
          .list();
    }
    List<Person> items = new ArrayList<>();
    records.forEach((id, rs) -> items.add(new Person(id, names.get(id), runId, rs)));
    return items;
  }

  /** The number of distinct persons of a run. */
  public long count(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(distinct person_id) from linkage_link where run_id = :run")
                .bind("run", runId)
                .mapTo(Long.class)
                .one());
  }

  private static String name(String full, String given, String father, String family) {
    if (full != null && !full.isBlank()) {
      return full;
    }
    StringBuilder b = new StringBuilder();
    for (String s : new String[] {given, father, family}) {
      if (s != null && !s.isBlank()) {
        b.append(b.isEmpty() ? "" : " ").append(s);
      }
    }
    return b.toString();
  }
}
