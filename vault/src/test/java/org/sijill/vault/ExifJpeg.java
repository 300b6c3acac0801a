package org.sijill.vault;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** A small synthetic JPEG carrying an EXIF Make tag and a GPS position, built by hand. */
public final class ExifJpeg {
  private ExifJpeg() {}

  /** A 16x16 JPEG tagged Make=SijillTest at 36°12'N 37°9'36"E (36.2, 37.16). */
  public static byte[] withGps(int shade) throws IOException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        img.setRGB(x, y, (shade * 7 + x * 13 + y * 5) & 0xffffff);
      }
    }
    ByteArrayOutputStream jpg = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", jpg);
    byte[] plain = jpg.toByteArray();
    byte[] tiff = tiff();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    int len = 2 + 6 + tiff.length;
    out.write(len >> 8);
    out.write(len & 0xff);
    out.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.write(tiff);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  private static byte[] tiff() {
    ByteBuffer b = ByteBuffer.allocate(152);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    // IFD0 at 8: Make, GPS pointer
    b.putShort((short) 2);
    entry(b, 0x010F, 2, 11, 38);
    entry(b, 0x8825, 4, 1, 50);
    b.putInt(0);
    b.put("SijillTest\0".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    // GPS IFD at 50
    b.putShort((short) 4);
    b.putShort((short) 1)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'N')
        .put((byte) 0)
        .putShort((short) 0);
    entry(b, 0x0002, 5, 3, 104);
    b.putShort((short) 3)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'E')
        .put((byte) 0)
        .putShort((short) 0);
    entry(b, 0x0004, 5, 3, 128);
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
