package org.sijill.casefile.model;

import java.util.List;

/**
 * A distinct person as one linkage run found them: the records of the lists that name them.
 *
 * @param linkageRun the run this grouping comes from
 * @param displayName the name of the person's first record when the id was created
 */
public record Person(long id, String displayName, long linkageRun, List<Record> records) {
  public Person {
    records = List.copyOf(records);
  }

  /** The lists the person is on, in order, without repeats. */
  public List<String> lists() {
    return records.stream().map(Record::list).distinct().toList();
  }

  /**
   * One record of the person.
   *
   * @param victimId the stored record ({@code /api/victims})
   * @param list the list it came from
   * @param recordId its id in that list
   * @param probability the highest match probability joining it to another record of the person, or
   *     null when it is the person's only record
   */
  public record Record(
      long victimId, String list, String recordId, String name, Double probability) {}
}
