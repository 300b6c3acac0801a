/**
 * Videos through FFmpeg's library API: {@link org.sijill.media.video.VideoFingerprinter} samples
 * frames (one a second plus scene cuts), trims letterboxes and hashes them; {@link
 * org.sijill.media.video.Keyframes} saves still frames for people to look at; {@link
 * org.sijill.media.video.VideoWriter} writes synthetic test videos. Callers usually go through
 * {@link org.sijill.media.MediaFingerprinter}.
 */
package org.sijill.media.video;
