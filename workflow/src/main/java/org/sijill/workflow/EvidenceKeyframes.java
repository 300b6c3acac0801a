package org.sijill.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.media.MediaException;
import org.sijill.media.video.Keyframes;

/**
 * Still frames of a video in the vault, for the evidence page's strip under the player and for a
 * reverse image search: their times (read from the file's header, not logged: no picture is shown)
 * and each frame as a JPEG. Handing out a frame is a viewing of the original, logged in the custody
 * log like one ({@code viewed}, purpose {@code keyframe N} or {@code keyframe N download}).
 *
 * <p>Callers check first that the person may see the item ({@code Visibility}).
 */
public final class EvidenceKeyframes {
  /** How many frames the strip shows at most. */
  public static final int STRIP = 8;

  private final CaseFile caseFile;
  private final OpenOriginal originals;
  private final Keyframes keyframes = new Keyframes();

  public EvidenceKeyframes(CaseFile caseFile, OpenOriginal originals) {
    this.caseFile = caseFile;
    this.originals = originals;
  }

  /** One frame of the strip: its number (from 0) and when it is shown, in seconds. */
  public record Keyframe(int n, double seconds) {}

  /**
   * A frame as a picture.
   *
   * @param seconds when it is shown in the video
   * @param name a file name to save it under
   */
  public record Still(byte[] jpeg, double seconds, String name) {}

  /**
   * The strip of {@code evidenceId}: empty when there is no such item, it is not a video, its bytes
   * are not in this vault, or they cannot be decoded.
   */
  public List<Keyframe> strip(long evidenceId) {
    Optional<EvidenceItem> item = caseFile.evidence().find(evidenceId);
    if (item.isEmpty() || !isVideo(item.get())) {
      return List.of();
    }
    Optional<OpenOriginal.Original> o = originals.open(evidenceId, "", "keyframes", false);
    if (o.isEmpty()) {
      return List.of();
    }
    List<Double> times;
    try {
      times = keyframes.times(o.get().content(), STRIP);
    } catch (MediaException | LinkageError e) {
      return List.of();
    }
    List<Keyframe> out = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      out.add(new Keyframe(i, times.get(i)));
    }
    return out;
  }

  /**
   * Frame {@code n} of the strip of {@code evidenceId}, after logging that {@code viewer} saw it.
   *
   * @return empty when there is no such item or frame
   * @throws EvidenceException when the vault cannot log the viewing
   */
  public Optional<Still> still(long evidenceId, int n, String viewer, boolean download) {
    List<Keyframe> strip = strip(evidenceId);
    if (n < 0 || n >= strip.size()) {
      return Optional.empty();
    }
    String purpose = "keyframe " + n + (download ? " download" : "");
    Optional<OpenOriginal.Original> o = originals.open(evidenceId, viewer, purpose, true);
    if (o.isEmpty()) {
      return Optional.empty();
    }
    double at = strip.get(n).seconds();
    byte[] jpeg;
    try {
      jpeg = keyframes.jpeg(o.get().content(), at);
    } catch (MediaException e) {
      return Optional.empty();
    }
    String base = o.get().name() == null ? "evidence-" + evidenceId : o.get().name();
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    String name = String.format(java.util.Locale.ROOT, "%s-at-%.1fs.jpg", base, at);
    return Optional.of(new Still(jpeg, at, name));
  }

  private static boolean isVideo(EvidenceItem item) {
    return item.mediaType() != null && item.mediaType().startsWith("video/");
  }
}
