/**
 * Names in Arabic script and Latin letters: normalisation ({@code ArabicText}, {@code LatinText}),
 * tokens ({@code NameTokens}, {@code NameToken}), the script-independent consonant skeleton ({@code
 * Skeleton}), attested spellings ({@code NameLexicon}) and string similarity ({@code JaroWinkler},
 * {@code EditDistance}). Start with {@link org.sijill.linkage.names.Names}: {@code
 * Names.searchKeys("محمد")} and {@code Names.searchKeys("Mohammed")} both give {@code mhmd}.
 */
package org.sijill.linkage.names;
