package org.sijill.server;

import io.javalin.config.JavalinConfig;

/**
 * The incident desk's routes: incidents, their links and attributions, public claims (pages and
 * API). Registered before {@link ReadRoutes}: {@code /incidents/new} is not {@code
 * /incidents/{id}}.
 */
final class IncidentRoutes {
  private IncidentRoutes() {}

  /** The incident desk: incidents, their links and attributions, public claims. */
  static void register(JavalinConfig cfg, IncidentPages pages, IncidentApi api) {
    cfg.routes.get("/incidents/new", pages::newForm);
    cfg.routes.post("/incidents/new", pages::create);
    cfg.routes.get("/incidents/{id}/edit", pages::editForm);
    cfg.routes.post("/incidents/{id}/edit", pages::correct);
    cfg.routes.post("/incidents/{id}/evidence", pages::linkEvidence);
    cfg.routes.post("/incidents/{id}/attributions", pages::attribute);
    cfg.routes.post("/incidents/{id}/links", pages::link);
    cfg.routes.post("/incidents/{id}/withdrawals", pages::withdraw);
    cfg.routes.get("/public-claims", pages::claims);
    cfg.routes.post("/public-claims", pages::createClaim);
    cfg.routes.post("/api/incidents", api::create);
    cfg.routes.put("/api/incidents/{id}", api::correct);
    cfg.routes.get("/api/incidents/{id}/evidence", api::evidence);
    cfg.routes.post("/api/incidents/{id}/evidence", api::linkEvidence);
    cfg.routes.get("/api/incidents/{id}/attributions", api::attributions);
    cfg.routes.post("/api/incidents/{id}/attributions", api::attribute);
    cfg.routes.get("/api/incidents/{id}/links", api::links);
    cfg.routes.post("/api/incidents/{id}/links", api::addLink);
    cfg.routes.get("/api/incidents/{id}/withdrawals", api::withdrawals);
    cfg.routes.post("/api/incidents/{id}/withdrawals", api::addWithdrawal);
    cfg.routes.get("/api/actors", api::actors);
    cfg.routes.post("/api/public-claims", api::createClaim);
  }
}
