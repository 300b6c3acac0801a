package org.sijill.server;

import io.javalin.config.JavalinConfig;

/**
 * The read-only pages and the read API every role may see (within its groups), and the OpenAPI
 * description of the API. Registered after the desks, whose {@code /…/new} paths must come first.
 */
final class ReadRoutes {
  private ReadRoutes() {}

  static void pages(JavalinConfig cfg, Pages pages, EvidencePage evidence) {
    cfg.routes.get("/", pages::overview);
    cfg.routes.get("/incidents", pages::incidents);
    cfg.routes.get("/incidents/{id}", pages::incident);
    cfg.routes.get("/victims", pages::victims);
    cfg.routes.get("/evidence", pages::evidenceList);
    cfg.routes.get("/evidence/{id}", evidence::page);
    cfg.routes.get("/api/evidence/{id}/incidents", evidence::incidentsApi);
    cfg.routes.get("/sources", pages::sourcesPage);
  }

  static void api(JavalinConfig cfg, Api api, byte[] openApi) {
    cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    cfg.routes.get("/api/incidents", api::incidents);
    cfg.routes.get("/api/incidents/{id}", api::incident);
    cfg.routes.get("/api/incidents/{id}/history", api::incidentHistory);
    cfg.routes.get("/api/victims", api::victims);
    cfg.routes.get("/api/evidence", api::evidenceList);
    cfg.routes.get("/api/evidence/{id}", api::evidence);
    cfg.routes.get("/api/evidence/{id}/custody", api::custody);
    cfg.routes.get("/api/evidence/{id}/copies", api::copies);
    cfg.routes.get("/api/sources", api::sources);
    cfg.routes.get("/api/sources/{id}", api::source);
    cfg.routes.get("/api/locations", api::locations);
    cfg.routes.get("/api/locations/{id}", api::location);
    cfg.routes.get("/api/public-claims", api::publicClaims);
    cfg.routes.get("/api/persons", api::persons);
    cfg.routes.get("/api/estimates", api::estimates);
  }
}
