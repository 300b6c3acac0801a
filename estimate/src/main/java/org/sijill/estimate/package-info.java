/** Sijill estimate module. */
package org.sijill.estimate;
