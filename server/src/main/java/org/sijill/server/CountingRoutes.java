package org.sijill.server;

import io.javalin.config.JavalinConfig;

/**
 * The counting desk's routes: lists, linking, review (pages with htmx, and the API of
 * ARCHITECTURE.md, "Desk API"), then estimates, the claims ledger, diagnostics, blind review and
 * the person page.
 */
final class CountingRoutes {
  private CountingRoutes() {}

  /** The counting desk: its pages (htmx) and its API (ARCHITECTURE.md, "Desk API"). */
  static void desk(JavalinConfig cfg, DeskPages pages, DeskApi api) {
    cfg.routes.get("/desk/lists", pages::lists);
    cfg.routes.post("/desk/lists", pages::uploadList);
    cfg.routes.get("/desk/linking", pages::linking);
    cfg.routes.post("/desk/linking", pages::startLinkage);
    cfg.routes.get("/desk/linking/jobs/{id}", pages::linkageJob);
    cfg.routes.get("/desk/review", pages::review);
    cfg.routes.post("/desk/review", pages::decide);
    cfg.routes.get("/api/lists", api::lists);
    cfg.routes.post("/api/lists", api::uploadList);
    cfg.routes.post("/api/linkage-runs", api::startLinkage);
    cfg.routes.get("/api/linkage-runs/{id}", api::linkageRun);
    cfg.routes.post("/api/estimate-runs", api::startEstimation);
    cfg.routes.get("/api/estimate-runs/{id}", api::estimationRun);
    cfg.routes.get("/api/review/pairs", api::reviewPairs);
    cfg.routes.post("/api/review/decisions", api::decide);
  }

  /** The counting desk's estimates, claims ledger and diagnostics. */
  static void counting(JavalinConfig cfg, Counting c) {
    cfg.routes.get("/desk/estimates", c.estimates::page);
    cfg.routes.post("/desk/estimates", c.estimates::start);
    cfg.routes.get("/desk/estimates/jobs/{id}", c.estimates::job);
    cfg.routes.get("/desk/claims", c.claims::page);
    cfg.routes.get("/api/claims-ledger", c.claims::api);
    cfg.routes.get("/desk/diagnostics", c.diagnostics::page);
    cfg.routes.get("/api/diagnostics", c.diagnostics::api);
    cfg.routes.get("/desk/review/blind", c.blind::page);
    cfg.routes.post("/desk/review/blind", c.blind::decide);
    cfg.routes.get("/api/review/agreement", c.blind::agreement);
    // The person page: its records, and splitting a record off or merging two persons
    cfg.routes.get("/persons/{id}", c.persons::page);
    cfg.routes.post("/persons/{id}/split", c.persons::splitForm);
    cfg.routes.post("/persons/{id}/merge", c.persons::mergeForm);
    cfg.routes.get("/api/persons/{id}", c.persons::get);
    cfg.routes.post("/api/persons/{id}/split", c.persons::splitApi);
    cfg.routes.post("/api/persons/{id}/merge", c.persons::mergeApi);
  }
}
