package org.sijill.media.video;

import org.bytedeco.ffmpeg.global.avutil;

/** Small helpers around FFmpeg's C API as org.bytedeco exposes it. */
final class Ffmpeg {
  /** FFmpeg's AVERROR(EAGAIN) on Linux: "feed more input / read more output first". */
  static final int EAGAIN = -11;

  private Ffmpeg() {}

  static {
    // FFmpeg logs damaged streams to stderr on its own; we report problems ourselves, per file.
    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
  }

  /** Makes sure the static initialiser above has run. */
  static void init() {}

  /** FFmpeg's message for an error code. */
  static String error(int code) {
    byte[] buf = new byte[256];
    avutil.av_make_error_string(buf, buf.length, code);
    int n = 0;
    while (n < buf.length && buf[n] != 0) {
      n++;
    }
    return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
  }
}
