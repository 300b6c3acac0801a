/** Sijill spark module. */
package org.sijill.spark;
