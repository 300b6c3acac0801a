/** Sijill server module. */
package org.sijill.server;
