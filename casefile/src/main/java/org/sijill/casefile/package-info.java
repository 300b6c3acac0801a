/** Sijill casefile module. */
package org.sijill.casefile;
