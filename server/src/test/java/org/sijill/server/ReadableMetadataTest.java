package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Metadata as a person reads it: grouped, labelled, with units, and GPS as a point. */
class ReadableMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PHOTO =
      "{\"reader\": \"r/1\", \"gps\": {\"latitude\": 36.2, \"longitude\": -37.16},"
          + " \"tags\": {\"Exif IFD0\": {\"Make\": \"SyntheticCam\", \"Model\": \"S-1\","
          + " \"Date/Time\": \"2025:03:06 18:00:00\", \"Software\": \"Editor 2\"},"
          + " \"Exif SubIFD\": {\"Date/Time Original\": \"2025:03:06 17:59:58\","
          + " \"Exposure Time\": \"1/60 sec\", \"Exif Image Width\": \"4032 pixels\"},"
          + " \"MP4 Video\": {\"Width\": \"320\", \"Frame Rate\": \"25\","
          + " \"Compression Type\": \"H.264\"},"
          + " \"GPS\": {\"GPS Latitude\": \"36° 12' 0\\\"\"},"
          + " \"ICC Profile\": {\"Profile Size\": \"3144\"},"
          + " \"JPEG\": {\"Image Width\": \"4032 pixels\"}}}";

  @Test
  void groupsTagsUnderHumanHeadingsWithUnits() {
    ReadableMetadata.Result r = ReadableMetadata.of(PHOTO, JSON);
    assertThat(r.groups())
        .extracting(ReadableMetadata.Group::title)
        .containsExactly(
            "Camera and device",
            "Dates",
            "Dimensions and duration",
            "Format and codec",
            "Place (GPS)",
            "Software",
            "Other tags");
    assertThat(rows(r, "camera")).contains("Make=SyntheticCam", "Exposure Time=1/60 sec");
    assertThat(rows(r, "dates"))
        .containsExactly("Date/Time=2025:03:06 18:00:00", "Date/Time Original=2025:03:06 17:59:58");
    // A bare number gets its unit; the same value under the same name is said once.
    assertThat(rows(r, "dimensions"))
        .containsExactly(
            "Exif Image Width=4032 pixels",
            "Width=320 pixels",
            "Frame Rate=25 frames per second",
            "Image Width=4032 pixels");
    assertThat(rows(r, "format")).containsExactly("Compression Type=H.264");
    assertThat(rows(r, "place"))
        .containsExactly(
            "Latitude=36.200000° N", "Longitude=37.160000° W", "GPS Latitude=36° 12' 0\"");
    assertThat(rows(r, "software")).containsExactly("Software=Editor 2");
    assertThat(rows(r, "other")).contains("Profile Size=3144", "Read by=r/1");
    assertThat(r.gps()).hasValue(new ReadableMetadata.Point(36.2, -37.16));
  }

  @Test
  void noGpsNoPointAndUnreadableOrAbsentMetadataSaysSo() {
    ReadableMetadata.Result r =
        ReadableMetadata.of("{\"tags\": {\"PNG-IHDR\": {\"Image Height\": \"48\"}}}", JSON);
    assertThat(r.gps()).isEmpty();
    assertThat(rows(r, "dimensions")).containsExactly("Image Height=48 pixels");
    assertThat(ReadableMetadata.of(null, JSON).isEmpty()).isTrue();
    assertThat(rows(ReadableMetadata.of("{not json", JSON), "other"))
        .containsExactly("Unreadable metadata={not json");
    assertThat(
            ReadableMetadata.of("{\"gps\": {\"latitude\": 136.0, \"longitude\": 1.0}}", JSON).gps())
        .isEmpty();
    // A document of another shape: its top-level directories and values are grouped all the same.
    ReadableMetadata.Result other =
        ReadableMetadata.of("{\"exif\": {\"Make\": \"Cam\", \"GPS\": [35.36, 35.92]}}", JSON);
    assertThat(rows(other, "camera")).containsExactly("Make=Cam");
    assertThat(rows(other, "place")).containsExactly("GPS=35.36, 35.92");
  }

  private static java.util.List<String> rows(ReadableMetadata.Result r, String group) {
    return r.groups().stream()
        .filter(g -> g.id().equals(group))
        .flatMap(g -> g.rows().stream())
        .map(x -> x.label() + "=" + x.value())
        .toList();
  }
}
