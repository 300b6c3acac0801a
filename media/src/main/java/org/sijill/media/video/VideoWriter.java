package org.sijill.media.video;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.sijill.media.MediaException;

/**
 * Writes frames to a video file with FFmpeg's encoders (for example {@code "mpeg4"} or {@code
 * "libopenh264"}), container chosen from the file name. Used to make synthetic test and benchmark
 * videos without any system ffmpeg; not meant for evidence, which is never re-encoded.
 */
public final class VideoWriter implements AutoCloseable {
  private final Path file;
  private final int width;
  private final int height;
  private AVFormatContext oc;
  private AVCodecContext enc;
  private AVStream stream;
  private AVFrame frame;
  private AVPacket pkt;
  private SwsContext sws;
  private BytePointer bgr;
  private final PointerPointer<BytePointer> srcData = new PointerPointer<>(4);
  private final IntPointer srcLines = new IntPointer(4);
  private long next;

  private VideoWriter(Path file, int width, int height) {
    this.file = file;
    this.width = width;
    this.height = height;
  }

  /** Opens {@code file} for writing {@code width x height} frames at {@code fps}. */
  public static VideoWriter open(
      Path file, int width, int height, int fps, String encoder, long bitRate) {
    Ffmpeg.init();
    VideoWriter w = new VideoWriter(file, width, height);
    try {
      w.setUp(fps, encoder, bitRate);
      return w;
    } catch (RuntimeException e) {
      w.free();
      throw e;
    }
  }

  private void setUp(int fps, String encoder, long bitRate) {
    AVFormatContext o = new AVFormatContext(null);
    check(avformat_alloc_output_context2(o, null, null, file.toString()), "choose a container");
    oc = o;
    AVCodec codec = avcodec_find_encoder_by_name(encoder);
    if (codec == null) {
      throw new MediaException(file, "no encoder named " + encoder + " in this FFmpeg build");
    }
    stream = avformat_new_stream(oc, null);
    enc = avcodec_alloc_context3(codec);
    enc.width(width);
    enc.height(height);
    enc.time_base(av_make_q(1, fps));
    enc.framerate(av_make_q(fps, 1));
    enc.pix_fmt(AV_PIX_FMT_YUV420P);
    enc.bit_rate(bitRate);
    enc.gop_size(fps * 2);
    if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
      enc.flags(enc.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    }
    check(avcodec_open2(enc, codec, (AVDictionary) null), "open encoder " + encoder);
    check(avcodec_parameters_from_context(stream.codecpar(), enc), "set stream parameters");
    stream.time_base(enc.time_base());
    AVIOContext pb = new AVIOContext(null);
    check(avio_open(pb, file.toString(), AVIO_FLAG_WRITE), "open for writing");
    oc.pb(pb);
    check(avformat_write_header(oc, (AVDictionary) null), "write header");
    frame = av_frame_alloc();
    frame.format(AV_PIX_FMT_YUV420P);
    frame.width(width);
    frame.height(height);
    check(av_frame_get_buffer(frame, 32), "allocate a frame");
    pkt = av_packet_alloc();
    sws =
        sws_getContext(
            width,
            height,
            AV_PIX_FMT_BGR24,
            width,
            height,
            AV_PIX_FMT_YUV420P,
            SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    bgr = new BytePointer((long) width * height * 3);
    srcData.put(0, bgr);
    srcLines.put(0, width * 3);
  }

  /** Appends one frame; any image type, of the size given at {@link #open}. */
  public void write(BufferedImage img) {
    if (img.getWidth() != width || img.getHeight() != height) {
      throw new IllegalArgumentException("frame size differs from the video's");
    }
    BufferedImage b = img;
    if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
      b = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
      b.getGraphics().drawImage(img, 0, 0, null);
    }
    byte[] data = ((DataBufferByte) b.getRaster().getDataBuffer()).getData();
    bgr.position(0).put(data, 0, width * height * 3);
    check(av_frame_make_writable(frame), "reuse a frame");
    sws_scale(sws, srcData, srcLines, 0, height, frame.data(), frame.linesize());
    frame.pts(next++);
    encode(frame);
  }

  private void encode(AVFrame f) {
    check(avcodec_send_frame(enc, f), "encode a frame");
    while (avcodec_receive_packet(enc, pkt) == 0) {
      av_packet_rescale_ts(pkt, enc.time_base(), stream.time_base());
      pkt.stream_index(stream.index());
      check(av_interleaved_write_frame(oc, pkt), "write a packet");
    }
  }

  private void check(int rc, String what) {
    if (rc < 0) {
      throw new MediaException(file, "cannot " + what + " (" + Ffmpeg.error(rc) + ")");
    }
  }

  /** Flushes the encoder and finishes the file. */
  @Override
  public void close() {
    try {
      if (enc != null && oc != null) {
        encode(null);
        check(av_write_trailer(oc), "write trailer");
      }
    } finally {
      free();
    }
  }

  private void free() {
    if (sws != null) {
      sws_freeContext(sws);
      sws = null;
    }
    if (frame != null) {
      av_frame_free(frame);
      frame = null;
    }
    if (pkt != null) {
      av_packet_free(pkt);
      pkt = null;
    }
    if (enc != null) {
      avcodec_free_context(enc);
      enc = null;
    }
    if (oc != null) {
      if (oc.pb() != null) {
        avio_closep(oc.pb());
      }
      avformat_free_context(oc);
      oc = null;
    }
    if (bgr != null) {
      bgr.close();
      bgr = null;
    }
  }
}
