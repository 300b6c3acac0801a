package org.sijill.server;

/** A point the page script puts on the Leaflet map; {@code href} opens its incident. */
record Marker(double lat, double lng, String label, String href) {}
