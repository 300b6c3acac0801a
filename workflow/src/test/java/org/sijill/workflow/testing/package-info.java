/**
 * Test fixtures other modules' tests share through workflow's test-jar: {@link
 * org.sijill.workflow.testing.Chromium}, the one way a browser test starts Debian's Chromium.
 */
package org.sijill.workflow.testing;
