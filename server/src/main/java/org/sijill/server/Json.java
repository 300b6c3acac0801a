package org.sijill.server;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.VictimRecord;

/**
 * The JSON form of the case file's records. Dates and instants are ISO-8601 text. Columns that the
 * database keeps as JSON (an item's extracted metadata, a list row as imported) are written as JSON
 * objects, not as strings holding JSON.
 */
final class Json {
  private Json() {}

  static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .addMixIn(EvidenceItem.class, EvidenceItemJson.class)
        .addMixIn(CustodyEvent.class, CustodyEventJson.class)
        .addMixIn(VictimRecord.class, VictimRecordJson.class);
  }

  /** For data attributes that the page scripts read. */
  static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }

  interface EvidenceItemJson {
    @JsonRawValue
    String metadata();
  }

  interface CustodyEventJson {
    @JsonRawValue
    String details();
  }

  interface VictimRecordJson {
    @JsonRawValue
    String attributes();

    @JsonRawValue
    String raw();
  }
}
