/**
 * PDQ, Meta's 256-bit perceptual image hash: {@link org.sijill.media.pdq.PdqHasher} hashes a
 * picture into an {@link org.sijill.media.pdq.ImageHash} (the {@link org.sijill.media.pdq.PdqHash},
 * its quality and its eight {@link org.sijill.media.pdq.Dihedral} variants). The rest of the
 * package is the pipeline (luma, box filters, 64x64 decimation, DCT, median bits) in a fast and a
 * reference version. Start with {@code new PdqHasher().fingerprintFile}.
 */
package org.sijill.media.pdq;
