/**
 * Perceptual fingerprints of images and videos. Start with {@link
 * org.sijill.media.MediaFingerprinter}: {@code fingerprint(Path)} gives a {@link
 * org.sijill.media.Fingerprint} (an {@link org.sijill.media.ImageFingerprint} or a {@link
 * org.sijill.media.VideoFingerprint}), and {@code compare(a, b)} a {@link
 * org.sijill.media.Comparison} with its {@link org.sijill.media.Verdict}. Files we refuse throw
 * {@link org.sijill.media.MediaException}; {@link org.sijill.media.MediaLimits} says how large a
 * picture we agree to decode.
 *
 * <p>Below the root: {@code index} (the persistent seen-before index and the Hamming search under
 * it), {@code pdq} (the PDQ image hash), {@code video} (decoding, sampling and writing videos) and
 * {@code internal} (machinery no caller outside this library may use).
 */
package org.sijill.media;
