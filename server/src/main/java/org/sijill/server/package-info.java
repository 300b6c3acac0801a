/**
 * The web application and REST API over a case file. {@link org.sijill.server.SijillServer} is the
 * only public type; pages, API handlers, view records and the precompiled JTE templates are
 * package-private (the templates compile into this package for that reason).
 */
package org.sijill.server;
