package org.sijill.media.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.sijill.media.pdq.Luma;
import org.sijill.media.pdq.Orientation;

/**
 * Converts decoded frames to packed RGB24 with libswscale's area-averaging scaler, as vPDQ does,
 * then to PDQ luma. Frames whose longer side exceeds {@code maxSide} are scaled down to it first:
 * PDQ reduces every picture to 64x64 anyway, and a smaller frame halves the cost of conversion and
 * blur for 1080p and larger video. Reuses its scaler while the frame geometry stays the same.
 */
final class RgbConverter implements AutoCloseable {
  private final int maxSide;
  private SwsContext sws;
  private int srcW = -1;
  private int srcH = -1;
  private int srcFmt = -1;
  private int dstW;
  private int dstH;
  private int lineSize;
  private BytePointer buffer;
  private byte[] bytes;
  private final PointerPointer<BytePointer> dstData = new PointerPointer<>(4);
  private final IntPointer dstLines = new IntPointer(4);

  RgbConverter(int maxSide) {
    this.maxSide = maxSide;
  }

  /** The frame's luma plane, as a row-major {@link Orientation} (no rotation applied). */
  Orientation luma(AVFrame frame) {
    int w = frame.width();
    int h = frame.height();
    int f = frame.format();
    if (sws == null || w != srcW || h != srcH || f != srcFmt) {
      setUp(w, h, f);
    }
    sws_scale(sws, frame.data(), frame.linesize(), 0, h, dstData, dstLines);
    buffer.position(0).get(bytes);
    return new Orientation(Luma.fromRgb24(bytes, dstW, dstH, lineSize), dstH, dstW);
  }

  /** The frame as a picture (scaled down to {@code maxSide} like every frame). */
  java.awt.image.BufferedImage picture(AVFrame frame) {
    int w = frame.width();
    int h = frame.height();
    int f = frame.format();
    if (sws == null || w != srcW || h != srcH || f != srcFmt) {
      setUp(w, h, f);
    }
    sws_scale(sws, frame.data(), frame.linesize(), 0, h, dstData, dstLines);
    buffer.position(0).get(bytes);
    var img =
        new java.awt.image.BufferedImage(dstW, dstH, java.awt.image.BufferedImage.TYPE_INT_RGB);
    int[] row = new int[dstW];
    for (int y = 0; y < dstH; y++) {
      int o = y * lineSize;
      for (int x = 0; x < dstW; x++) {
        int i = o + 3 * x;
        row[x] = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
      }
      img.setRGB(0, y, dstW, 1, row, 0, dstW);
    }
    return img;
  }

  private void setUp(int w, int h, int f) {
    freeScaler();
    srcW = w;
    srcH = h;
    srcFmt = f;
    double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
    dstW = Math.max(1, (int) Math.round(w * scale));
    dstH = Math.max(1, (int) Math.round(h * scale));
    lineSize = (dstW * 3 + 31) & ~31;
    sws =
        sws_getContext(
            w, h, f, dstW, dstH, AV_PIX_FMT_RGB24, SWS_AREA, null, null, (DoublePointer) null);
    if (sws == null) {
      throw new IllegalStateException("libswscale cannot convert pixel format " + f);
    }
    buffer = new BytePointer((long) lineSize * dstH + 64);
    bytes = new byte[lineSize * dstH];
    dstData.put(0, buffer);
    dstLines.put(0, lineSize);
  }

  private void freeScaler() {
    if (sws != null) {
      sws_freeContext(sws);
      sws = null;
    }
    if (buffer != null) {
      buffer.close();
      buffer = null;
    }
  }

  @Override
  public void close() {
    freeScaler();
    dstData.close();
    dstLines.close();
  }
}
