package org.sijill.linkage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One compared field of the settings.
 *
 * @param column input column name (trimmed header)
 * @param kind how values are compared
 * @param format for {@code date}: a java.time pattern (default ISO, with yyyy-MM and yyyy accepted
 *     as partial dates); ignored otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSpec(String column, Kind kind, String format) implements java.io.Serializable {
  public FieldSpec {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("a field needs a column");
    }
    if (kind == null) {
      throw new IllegalArgumentException("field " + column + " needs a kind");
    }
    column = column.trim();
  }

  public FieldSpec(String column, Kind kind) {
    this(column, kind, null);
  }
}
