/** Sijill vault module. */
package org.sijill.vault;
