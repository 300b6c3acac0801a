package org.sijill.vault.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Synthetic JPEGs with a hand-built EXIF segment: Make "SijillTest" and a GPS position of 36°12'N
 * 37°9'36"E (36.2, 37.16), a made-up place for redaction and map tests.
 */
public final class ExifJpeg {
  public static final double LATITUDE = 36.2;
  public static final double LONGITUDE = 37.16;

  private ExifJpeg() {}

  /** A 16x16 JPEG whose pixels depend on {@code shade}, tagged as {@link #tag} does. */
  public static byte[] withGps(int shade) throws IOException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        img.setRGB(x, y, (shade * 7 + x * 13 + y * 5) & 0xffffff);
      }
    }
    ByteArrayOutputStream jpg = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", jpg);
    return tag(jpg.toByteArray());
  }

  /** The same picture with the EXIF segment right after its start-of-image marker. */
  public static byte[] tag(byte[] jpeg) {
    byte[] tiff = tiff();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    int length = 2 + 6 + tiff.length;
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Big-endian TIFF: IFD0 (Make, pointer to the GPS IFD), then the GPS IFD and its rationals. */
  private static byte[] tiff() {
    ByteBuffer b = ByteBuffer.allocate(152);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    b.putShort((short) 2);
    entry(b, 0x010F, 2, 11, 38); // Make, ASCII, at offset 38
    entry(b, 0x8825, 4, 1, 50); // GPS IFD at offset 50
    b.putInt(0);
    b.put("SijillTest\0".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    b.putShort((short) 4);
    b.putShort((short) 1)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'N')
        .put((byte) 0)
        .putShort((short) 0);
    entry(b, 0x0002, 5, 3, 104); // latitude: three rationals at 104
    b.putShort((short) 3)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'E')
        .put((byte) 0)
        .putShort((short) 0);
    entry(b, 0x0004, 5, 3, 128); // longitude: three rationals at 128
    b.putInt(0);
    for (int v : new int[] {36, 12, 0, 37, 9, 36}) {
      b.putInt(v).putInt(1);
    }
    return b.array();
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }
}
