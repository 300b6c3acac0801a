/**
 * Fixtures shared by media's tests, other modules' tests and {@code bench} through media's
 * test-jar: made-up moving pictures ({@link org.sijill.media.testing.SyntheticScenes} for short
 * test clips, {@link org.sijill.media.testing.Shots} for long benchmark footage), small videos
 * written with FFmpeg ({@link org.sijill.media.testing.TestVideos}) and random PDQ hashes ({@link
 * org.sijill.media.testing.RandomHashes}). Nothing here is part of media's API.
 */
package org.sijill.media.testing;
