package org.sijill.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sijill export incidents}: incidents as CSV or GeoJSON, for spreadsheets and GIS. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export case data (incidents as CSV or GeoJSON).",
    subcommands = {ExportCommand.Incidents.class})
final class ExportCommand {

  enum Format {
    csv,
    geojson
  }

  @Command(
      name = "incidents",
      mixinStandardHelpOptions = true,
      description = "Export the current version of every incident with its place.")
  static final class Incidents implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--format",
        defaultValue = "csv",
        description = "csv or geojson (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
      List<Incident> incidents;
      Map<Long, Location> places;
      try (CaseFile caseFile = Main.root(spec).openCaseFile()) {
        incidents = caseFile.incidents().all();
        places =
            caseFile.locations().all().stream()
                .collect(Collectors.toMap(Location::id, Function.identity()));
      }
      if (out == null) {
        OutputStream stdout = System.out;
        write(incidents, places, stdout);
        stdout.flush();
      } else {
        // Write beside the target, then move: an interrupted export never leaves half a file.
        Path abs = out.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), ".export-", ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp)) {
          write(incidents, places, o);
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getErr().printf("exported %d incidents to %s%n", incidents.size(), out);
      }
      return 0;
    }

    private void write(List<Incident> incidents, Map<Long, Location> places, OutputStream o)
        throws IOException {
      if (format == Format.csv) {
        writeCsv(incidents, places, o);
      } else {
        writeGeoJson(incidents, places, o);
      }
    }
  }

  static final List<String> CSV_HEADER =
      List.of(
          "id",
          "version",
          "title_en",
          "title_ar",
          "type",
          "start_date",
          "start_precision",
          "end_date",
          "end_precision",
          "place_en",
          "place_ar",
          "latitude",
          "longitude",
          "casualties_best",
          "casualties_low",
          "casualties_high",
          "status");

  static void writeCsv(List<Incident> incidents, Map<Long, Location> places, OutputStream o)
      throws IOException {
    Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
    try (CSVPrinter p =
        new CSVPrinter(
            w, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
      for (Incident i : incidents) {
        Location l = i.locationId() == null ? null : places.get(i.locationId());
        p.printRecord(
            i.id(),
            i.version(),
            i.titleEn(),
            i.titleAr(),
            i.type(),
            i.startDate(),
            i.startPrecision(),
            i.endDate(),
            i.endPrecision(),
            l == null ? null : l.nameEn(),
            l == null ? null : l.nameAr(),
            l == null ? null : l.latitude(),
            l == null ? null : l.longitude(),
            i.casualtiesBest(),
            i.casualtiesLow(),
            i.casualtiesHigh(),
            i.status());
      }
      p.flush();
    }
  }

  static void writeGeoJson(List<Incident> incidents, Map<Long, Location> places, OutputStream o)
      throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode fc = json.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Incident i : incidents) {
      Location l = i.locationId() == null ? null : places.get(i.locationId());
      ObjectNode f = features.addObject().put("type", "Feature");
      if (l != null && l.latitude() != null && l.longitude() != null) {
        ObjectNode g = f.putObject("geometry").put("type", "Point");
        // GeoJSON order is longitude, latitude (RFC 7946).
        g.putArray("coordinates").add(l.longitude()).add(l.latitude());
      } else {
        f.putNull("geometry");
      }
      ObjectNode p = f.putObject("properties");
      p.put("id", i.id()).put("version", i.version());
      p.put("title_en", i.titleEn()).put("title_ar", i.titleAr()).put("type", i.type());
      p.put("start_date", i.startDate() == null ? null : i.startDate().toString());
      p.put("start_precision", i.startPrecision());
      p.put("end_date", i.endDate() == null ? null : i.endDate().toString());
      p.put("place_en", l == null ? null : l.nameEn())
          .put("place_ar", l == null ? null : l.nameAr());
      p.put("casualties_best", i.casualtiesBest());
      p.put("casualties_low", i.casualtiesLow());
      p.put("casualties_high", i.casualtiesHigh());
      p.put("status", i.status());
    }
    Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
    json.writeValue(w, fc);
  }
}
