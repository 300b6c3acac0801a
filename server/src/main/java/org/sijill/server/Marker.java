package org.sijill.server;

/**
 * A point the page script puts on the Leaflet map; {@code href} opens its incident and {@code
 * radiusM}, when known, is how precisely the place is known (drawn as a circle around the point).
 */
record Marker(double lat, double lng, Integer radiusM, String label, String href) {}
