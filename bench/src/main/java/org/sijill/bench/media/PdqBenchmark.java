package org.sijill.bench.media;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sijill.media.pdq.ImageHash;
import org.sijill.media.pdq.PdqHasher;

/**
 * PDQ hashes per second: the 1600x1004 bridge JPEG with and without decoding, and a 1280x720 frame,
 * for the optimised hasher and the straightforward reference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PdqBenchmark {
  @Param("/work/shared/data/pdq/images/dih/bridge-1-original.jpg")
  public String image;

  private final PdqHasher fast = new PdqHasher();
  private final PdqHasher reference = PdqHasher.reference();
  private BufferedImage bridge;
  private BufferedImage frame720p;

  @Setup
  public void load() throws IOException {
    bridge = ImageIO.read(new File(image));
    frame720p = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
    Random rnd = new Random(1);
    for (int y = 0; y < 720; y++) {
      for (int x = 0; x < 1280; x++) {
        frame720p.setRGB(x, y, rnd.nextInt());
      }
    }
  }

  @Benchmark
  public ImageHash bridgeWithDecoding() {
    return fast.hashFile(Path.of(image));
  }

  @Benchmark
  public ImageHash bridgeDecoded() {
    return fast.hash(bridge);
  }

  @Benchmark
  public ImageHash bridgeDecodedReference() {
    return reference.hash(bridge);
  }

  @Benchmark
  public ImageHash frame720p() {
    return fast.hash(frame720p);
  }

  @Benchmark
  public ImageHash frame720pReference() {
    return reference.hash(frame720p);
  }
}
