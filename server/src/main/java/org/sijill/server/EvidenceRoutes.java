package org.sijill.server;

import io.javalin.config.JavalinConfig;

/**
 * The evidence desk's routes: the upload form and API, originals, keyframes; and the verification
 * desk's (records in three strands and their four-eyes review). Registered before {@link
 * ReadRoutes}: {@code /evidence/new} is not {@code /evidence/{id}}.
 */
final class EvidenceRoutes {
  private EvidenceRoutes() {}

  static void desk(JavalinConfig cfg, EvidenceDesk desk) {
    cfg.routes.get("/evidence/new", desk::form);
    cfg.routes.post("/evidence/new", desk::formSubmit);
    cfg.routes.get("/evidence/{id}/original", desk::original);
    cfg.routes.post("/api/evidence", desk::api);
    cfg.routes.get("/api/evidence/{id}/original", desk::original);
    cfg.routes.get("/evidence/{id}/keyframes", desk::keyframeStrip);
    cfg.routes.get("/evidence/{id}/keyframes/{n}", desk::keyframe);
    cfg.routes.get("/api/evidence/{id}/keyframes", desk::keyframeList);
    cfg.routes.get("/api/evidence/{id}/keyframes/{n}", desk::keyframe);
  }

  /** The verification desk: records in three strands and their four-eyes review. */
  static void verification(JavalinConfig cfg, VerificationApi api, VerificationPages pages) {
    cfg.routes.get("/evidence/{id}/assess", pages::form);
    cfg.routes.post("/evidence/{id}/assess", pages::submit);
    cfg.routes.post("/evidence/{id}/assign", pages::assign);
    cfg.routes.get("/assessments/{id}", pages::reviewPage);
    cfg.routes.post("/assessments/{id}/review", pages::review);
    cfg.routes.get("/desk/verification", pages::desk);
    cfg.routes.get("/api/evidence/{id}/assessments", api::list);
    cfg.routes.post("/api/evidence/{id}/assessments", api::create);
    cfg.routes.get("/api/evidence/{id}/verification", api::state);
    cfg.routes.post("/api/evidence/{id}/assign", api::assign);
    cfg.routes.get("/api/assessments/{id}", api::one);
    cfg.routes.post("/api/assessments/{id}/review", api::review);
    cfg.routes.get("/api/verification/queue", api::queue);
  }
}
