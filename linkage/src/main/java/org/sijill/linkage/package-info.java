/** Sijill linkage module. */
package org.sijill.linkage;
