package org.sijill.server;

/**
 * What every page shows around its content: the title, which section of the navigation is current,
 * and whether the case is the synthetic demo (then every page says so).
 */
record Chrome(String title, String section, boolean demo, Assets assets) {}
