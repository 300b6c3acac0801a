package org.sijill.bench.media;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sijill.media.VideoFingerprint;
import org.sijill.media.testing.Shots;
import org.sijill.media.video.VideoFingerprinter;
import org.sijill.media.video.VideoWriter;

/**
 * Video fingerprinting speed as a multiple of real time for 1280x720 H.264 at 30 fps.
 *
 * <p>Usage: {@code VideoSpeed [SECONDS] [RUNS] [FILE]}: writes a synthetic 720p H.264 video
 * (FFmpeg's libopenh264 encoder, 4 Mb/s) unless FILE exists, then fingerprints it RUNS times.
 */
public final class VideoSpeed {
  private VideoSpeed() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path file =
        args.length > 2
            ? Path.of(args[2])
            : Files.createTempDirectory("vspeed").resolve("720p.mp4");
    if (!Files.exists(file)) {
      long t = System.nanoTime();
      Shots scenes = new Shots(42, 30);
      try (VideoWriter w = VideoWriter.open(file, 1280, 720, 30, "libopenh264", 4_000_000)) {
        for (int i = 0; i < seconds * 30; i++) {
          w.write(scenes.frame(i, 1280, 720));
        }
      }
      System.out.printf(
          "wrote %s (%d s of 1280x720 H.264, %,d bytes) in %.1f s%n",
          file, seconds, Files.size(file), (System.nanoTime() - t) / 1e9);
    }
    VideoFingerprinter fp = new VideoFingerprinter();
    for (int r = 0; r < runs; r++) {
      long t = System.nanoTime();
      VideoFingerprint v = fp.fingerprint(file);
      double s = (System.nanoTime() - t) / 1e9;
      System.out.printf(
          "run %d: %s %dx%d, %.1f s of video, %d frames kept (%d dropped) in %.2f s = %.1fx real"
              + " time%n",
          r + 1,
          v.codec(),
          v.width(),
          v.height(),
          v.durationSeconds(),
          v.frames().size(),
          v.droppedLowQuality(),
          s,
          v.durationSeconds() / s);
    }
  }
}
