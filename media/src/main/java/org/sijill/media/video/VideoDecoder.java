package org.sijill.media.video;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;
import org.sijill.media.MediaException;
import org.sijill.media.MediaLimits;

/**
 * Decodes the best video stream of a file with FFmpeg's library API and hands every frame to a
 * {@link Sink}. Every native object is freed in {@link #close()}; every failure is a {@link
 * MediaException} naming the file.
 */
final class VideoDecoder implements AutoCloseable {

  /** Receives decoded frames; the frame is only valid during the call. */
  interface Sink {
    void frame(AVFrame frame, double seconds);
  }

  private final Path file;
  private final MediaLimits limits;
  private AVFormatContext fmt;
  private AVCodecContext ctx;
  private int stream;
  private double timeBase;
  private long startPts;
  private double fps;
  private double declaredDuration;
  private long declaredFrames;
  private String codecName;

  private VideoDecoder(Path file, MediaLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  static VideoDecoder open(Path file, MediaLimits limits) {
    Ffmpeg.init();
    VideoDecoder d = new VideoDecoder(file, limits);
    try {
      d.openInternal();
      return d;
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  private void openInternal() {
    try {
      if (Files.size(file) == 0) {
        throw new MediaException(file, "is empty (0 bytes)");
      }
    } catch (java.io.IOException e) {
      throw new MediaException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
    AVFormatContext f = new AVFormatContext(null);
    int rc = avformat_open_input(f, file.toString(), null, null);
    if (rc < 0) {
      throw new MediaException(
          file,
          "is not an image or video we can read, or is damaged (" + Ffmpeg.error(rc) + ")",
          true);
    }
    fmt = f;
    rc = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
    if (rc < 0) {
      throw new MediaException(file, "is corrupt or truncated (" + Ffmpeg.error(rc) + ")");
    }
    stream = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
    if (stream < 0) {
      throw new MediaException(file, "has no video stream", true);
    }
    AVStream st = fmt.streams(stream);
    AVCodecParameters par = st.codecpar();
    codecName = avcodec_get_name(par.codec_id()).getString();
    limits.check(file, par.width(), par.height());
    AVCodec codec = avcodec_find_decoder(par.codec_id());
    if (codec == null) {
      throw new MediaException(
          file, "uses the " + codecName + " codec, which this build of FFmpeg cannot decode");
    }
    ctx = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(ctx, par);
    ctx.thread_count(0); // as many decoding threads as cores
    rc = avcodec_open2(ctx, codec, (AVDictionary) null);
    if (rc < 0) {
      throw new MediaException(
          file, "cannot open its " + codecName + " decoder (" + Ffmpeg.error(rc) + ")");
    }
    timeBase = av_q2d(st.time_base());
    startPts = st.start_time() != AV_NOPTS_VALUE ? st.start_time() : 0;
    fps = st.avg_frame_rate().den() != 0 ? av_q2d(st.avg_frame_rate()) : 0;
    declaredFrames = Math.max(0, st.nb_frames());
    if (st.duration() != AV_NOPTS_VALUE && st.duration() > 0) {
      declaredDuration = st.duration() * timeBase;
    } else if (fmt.duration() != AV_NOPTS_VALUE && fmt.duration() > 0) {
      declaredDuration = fmt.duration() / (double) AV_TIME_BASE;
    }
  }

  String codecName() {
    return codecName;
  }

  int width() {
    return ctx.width();
  }

  int height() {
    return ctx.height();
  }

  /** Duration the container declares, 0 when it declares none. */
  double declaredDuration() {
    return declaredDuration;
  }

  /** Frame count the container declares, 0 when it declares none. */
  long declaredFrames() {
    return declaredFrames;
  }

  /** Decodes every frame of the stream in presentation order; returns the frame count. */
  long decode(Sink sink) {
    AVPacket pkt = av_packet_alloc();
    AVFrame frame = av_frame_alloc();
    long frames = 0;
    long badPackets = 0;
    long packets = 0;
    try {
      while (true) {
        int rc = av_read_frame(fmt, pkt);
        if (rc == AVERROR_EOF) {
          break;
        }
        if (rc < 0) {
          // A read error mid-file: what was decoded so far is judged below.
          break;
        }
        try {
          if (pkt.stream_index() != stream) {
            continue;
          }
          packets++;
          rc = avcodec_send_packet(ctx, pkt);
          if (rc < 0 && rc != Ffmpeg.EAGAIN) {
            badPackets++;
            continue;
          }
          frames += receive(frame, sink, frames);
        } finally {
          av_packet_unref(pkt);
        }
      }
      avcodec_send_packet(ctx, null); // flush the decoder's delayed frames
      frames += receive(frame, sink, frames);
    } finally {
      av_frame_free(frame);
      av_packet_free(pkt);
    }
    if (frames == 0) {
      throw new MediaException(
          file,
          "is corrupt or truncated: no video frame could be decoded"
              + (packets > 0 ? " from " + packets + " packets" : ""));
    }
    if (badPackets > Math.max(2, packets / 10)) {
      throw new MediaException(
          file, "is corrupt: " + badPackets + " of " + packets + " video packets failed to decode");
    }
    return frames;
  }

  /**
   * Seeks to the key frame at or before {@code seconds} and decodes on to the first frame shown at
   * or after it (the last frame when the stream ends first); hands that one frame to {@code sink}.
   *
   * @return whether a frame was found
   */
  boolean frameAt(double seconds, Sink sink) {
    long target = startPts + (long) Math.floor(Math.max(0, seconds) / timeBase);
    if (av_seek_frame(fmt, stream, target, AVSEEK_FLAG_BACKWARD) >= 0) {
      avcodec_flush_buffers(ctx);
    }
    AVPacket pkt = av_packet_alloc();
    AVFrame frame = av_frame_alloc();
    AVFrame last = av_frame_alloc();
    double[] lastAt = {-1};
    boolean[] done = {false};
    try {
      boolean eof = false;
      while (!done[0]) {
        if (!eof) {
          int rc = av_read_frame(fmt, pkt);
          if (rc < 0) {
            eof = true;
            avcodec_send_packet(ctx, null);
          } else {
            try {
              if (pkt.stream_index() != stream) {
                continue;
              }
              avcodec_send_packet(ctx, pkt);
            } finally {
              av_packet_unref(pkt);
            }
          }
        }
        while (!done[0]) {
          int rc = avcodec_receive_frame(ctx, frame);
          if (rc < 0) {
            break;
          }
          long pts = frame.best_effort_timestamp();
          double t = pts == AV_NOPTS_VALUE ? 0 : Math.max(0, (pts - startPts) * timeBase);
          limits.check(file, frame.width(), frame.height());
          if (t + 1e-3 >= seconds) {
            sink.frame(frame, t);
            done[0] = true;
          } else {
            av_frame_unref(last);
            av_frame_ref(last, frame);
            lastAt[0] = t;
          }
          av_frame_unref(frame);
        }
        if (eof && !done[0]) {
          if (lastAt[0] >= 0) {
            sink.frame(last, lastAt[0]);
            return true;
          }
          return false;
        }
      }
      return true;
    } finally {
      av_frame_free(last);
      av_frame_free(frame);
      av_packet_free(pkt);
    }
  }

  private long receive(AVFrame frame, Sink sink, long framesSoFar) {
    long n = 0;
    while (true) {
      int rc = avcodec_receive_frame(ctx, frame);
      if (rc == Ffmpeg.EAGAIN || rc == AVERROR_EOF) {
        return n;
      }
      if (rc < 0) {
        return n; // a damaged frame; counted by the caller as missing
      }
      try {
        limits.check(file, frame.width(), frame.height());
        long pts = frame.best_effort_timestamp();
        double seconds;
        if (pts != AV_NOPTS_VALUE) {
          seconds = Math.max(0, (pts - startPts) * timeBase);
        } else {
          seconds = fps > 0 ? (framesSoFar + n) / fps : framesSoFar + n;
        }
        sink.frame(frame, seconds);
        n++;
      } finally {
        av_frame_unref(frame);
      }
    }
  }

  @Override
  public void close() {
    if (ctx != null) {
      avcodec_free_context(ctx);
      ctx = null;
    }
    if (fmt != null) {
      avformat_close_input(fmt);
      fmt = null;
    }
  }
}
