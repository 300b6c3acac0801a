package org.sijill.media.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sijill.media.Comparison;
import org.sijill.media.Fingerprint;
import org.sijill.media.FrameHash;
import org.sijill.media.VideoFingerprint;
import org.sijill.media.internal.Matcher;
import org.sijill.media.internal.TimedHash;
import org.sijill.media.pdq.PdqHash;

/**
 * A persistent index of fingerprinted items under one directory (for Sijill, {@code
 * <data>/media/}): an item catalogue ({@code items.tsv}) and every frame hash ({@code frames.bin}),
 * searched through a {@link HammingIndex}. Answers "which earlier items match this?", oldest first.
 *
 * <p>Writers hold an exclusive lock on {@code lock} while the index is open for writing, so two
 * processes never interleave appends; frames are forced to disk before the item line that commits
 * them, and a torn tail from a crash is dropped on the next open. Not thread-safe.
 */
public final class MediaIndex implements AutoCloseable {
  private final Path dir;
  private final boolean writable;
  private FileChannel lockChannel;
  private FileLock lock;
  private final List<MediaItem> items = new ArrayList<>();
  private final Map<String, MediaItem> byKey = new HashMap<>();
  private final List<FrameLog.StoredFrame> frames = new ArrayList<>();
  private final HammingIndex index = new HammingIndex();
  private long itemBytes;
  private long frameBytes;

  private MediaIndex(Path dir, boolean writable) {
    this.dir = dir;
    this.writable = writable;
  }

  /** Opens (creating it if needed) the index in {@code dir} for adding and searching. */
  public static MediaIndex openForWriting(Path dir) {
    MediaIndex m = new MediaIndex(dir, true);
    try {
      Files.createDirectories(dir);
      m.lockChannel =
          FileChannel.open(
              dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        m.lock = m.lockChannel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        m.lock = null; // held by this very process
      }
      if (m.lock == null) {
        m.lockChannel.close();
        m.lockChannel = null;
        throw new IOException(dir + ": another process is adding to this media index");
      }
      m.load();
      return m;
    } catch (IOException e) {
      m.close();
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the index in {@code dir} for searching only (an absent index is empty). */
  public static MediaIndex openForReading(Path dir) {
    MediaIndex m = new MediaIndex(dir, false);
    try {
      m.load();
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void load() throws IOException {
    ItemLog.Loaded il = ItemLog.read(dir.resolve("items.tsv"));
    itemBytes = il.validBytes();
    for (MediaItem it : il.items()) {
      items.add(it);
      byKey.putIfAbsent(it.key(), it);
    }
    FrameLog.Loaded fl = FrameLog.read(dir.resolve("frames.bin"), items.size());
    frameBytes = fl.validBytes();
    for (FrameLog.StoredFrame f : fl.frames()) {
      frames.add(f);
      index.add(f.hash());
    }
  }

  public List<MediaItem> items() {
    return List.copyOf(items);
  }

  /** The item stored under this content key, if any. */
  public Optional<MediaItem> byKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Number of frames stored (centre-crop hashes not counted). */
  public int frameCount() {
    return (int) frames.stream().filter(f -> f.kind() == 0).count();
  }

  /**
   * Every stored item with at least one frame within 31 bits of a frame of {@code query} (any
   * rotation or mirror image), with the comparison, oldest acquisition first.
   */
  public List<SeenMatch> seen(Fingerprint query) {
    Map<Integer, Boolean> candidates = new LinkedHashMap<>();
    for (FrameHash f : query.frames()) {
      List<PdqHash> probes = new ArrayList<>(f.image().dihedral());
      probes.addAll(f.image().crops());
      for (PdqHash probe : probes) {
        for (HammingIndex.Hit hit : index.within(probe, PdqHash.MATCH_DISTANCE)) {
          candidates.put(frames.get(hit.id()).item(), true);
        }
      }
    }
    Map<Integer, List<TimedHash>> framesOf = new HashMap<>();
    for (int i = 0; i < frames.size(); i++) {
      FrameLog.StoredFrame f = frames.get(i);
      if (f.kind() != 0 || !candidates.containsKey(f.item())) {
        continue;
      }
      List<PdqHash> crops = new ArrayList<>();
      for (int k = i + 1; k < frames.size() && frames.get(k).kind() > 0; k++) {
        crops.add(frames.get(k).hash());
      }
      framesOf
          .computeIfAbsent(f.item(), k -> new ArrayList<>())
          .add(new TimedHash(f.seconds(), f.hash(), crops));
    }
    List<SeenMatch> out = new ArrayList<>();
    for (int id : candidates.keySet()) {
      MediaItem it = items.get(id);
      Comparison c =
          Matcher.compare(
              query.frames(),
              query instanceof VideoFingerprint,
              framesOf.get(id),
              it.kind().equals("video"),
              List.of());
      out.add(new SeenMatch(it, c));
    }
    out.sort(
        Comparator.comparing((SeenMatch s) -> s.item().firstSeen())
            .thenComparingInt(s -> s.item().id()));
    return out;
  }

  /** What {@link #add} did: the item, and the earlier items it matches. */
  public record Added(MediaItem item, boolean alreadyIndexed, List<SeenMatch> earlier) {}

  /**
   * Adds a fingerprinted file under a content key (re-adding a key returns the existing item).
   *
   * @param acquired when it was acquired, or null when unknown
   */
  public Added add(String key, Fingerprint fp, String source, Instant acquired, String label) {
    if (!writable) {
      throw new IllegalStateException("index opened for reading only");
    }
    MediaItem existing = byKey.get(key);
    if (existing != null) {
      return new Added(existing, true, List.of());
    }
    List<SeenMatch> earlier = seen(fp);
    int id = items.size();
    String kind = fp instanceof VideoFingerprint ? "video" : "image";
    double duration = fp instanceof VideoFingerprint v ? v.durationSeconds() : 0;
    MediaItem it =
        new MediaItem(
            id,
            key,
            kind,
            Instant.now(),
            source == null ? "" : source,
            acquired,
            label,
            duration,
            fp.frames().size());
    List<FrameLog.StoredFrame> recs = new ArrayList<>();
    for (FrameHash f : fp.frames()) {
      recs.add(new FrameLog.StoredFrame(id, f.seconds(), f.quality(), 0, f.hash()));
      int cropKind = 1;
      for (PdqHash c : f.image().crops()) {
        recs.add(new FrameLog.StoredFrame(id, f.seconds(), f.quality(), cropKind++, c));
      }
    }
    try {
      FrameLog.append(dir.resolve("frames.bin"), frameBytes, recs);
      ItemLog.append(dir.resolve("items.tsv"), itemBytes, it);
      frameBytes = Files.size(dir.resolve("frames.bin"));
      itemBytes = Files.size(dir.resolve("items.tsv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    items.add(it);
    byKey.put(key, it);
    for (FrameLog.StoredFrame f : recs) {
      frames.add(f);
      index.add(f.hash());
    }
    return new Added(it, false, earlier);
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
