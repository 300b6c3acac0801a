package org.sijill.media.pdq;

/** What a PDQ pipeline produces from a luma plane: 16x16 DCT coefficients and the quality. */
record Spectrum(float[] dct, int quality) {

  /** The hash of each dihedral variant, in {@link Dihedral} order. */
  ImageHash toImageHash(int orientation) {
    PdqHash[] variants = new PdqHash[8];
    for (Dihedral d : Dihedral.values()) {
      variants[d.ordinal()] = HashBits.of(d == Dihedral.ORIGINAL ? dct : d.apply(dct));
    }
    return new ImageHash(variants[0], quality, java.util.List.of(variants), orientation);
  }
}
