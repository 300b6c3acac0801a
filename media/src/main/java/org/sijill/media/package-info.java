/** Sijill media module. */
package org.sijill.media;
