/**
 * Fixtures shared by linkage's tests, other modules' tests (spark) and {@code bench} through
 * linkage's test-jar: the victim-list and FEBRL settings and the generated lists as {@link
 * org.sijill.linkage.Source}s ({@link org.sijill.linkage.testing.TestLists}). Nothing here is part
 * of linkage's API.
 */
package org.sijill.linkage.testing;
