package org.sijill.casefile.model;

/** One row of one source's victim list, as imported. Never edited in place. */
public record VictimRecord(
    long id,
    long importId,
    String listName,
    int lineNumber,
    String recordId,
    String fullName,
    String givenName,
    String fatherName,
    String motherName,
    String familyName,
    String sex,
    Integer age,
    String ageGroup,
    String dateOfDeath,
    String placeOfDeath,
    String governorate,
    String status,
    String cause,
    String attributes,
    String raw) {

  /** The name as written, or the parts joined when the list has no full name. */
  public String displayName() {
    if (fullName != null && !fullName.isBlank()) {
      return fullName;
    }
    return String.join(
            " ",
            java.util.stream.Stream.of(givenName, fatherName, familyName)
                .filter(s -> s != null && !s.isBlank())
                .toList())
        .trim();
  }
}
