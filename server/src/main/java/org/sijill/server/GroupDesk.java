package org.sijill.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.access.GroupException;
import org.sijill.workflow.access.Groups;
import org.sijill.workflow.access.ItemType;
import org.sijill.workflow.access.Visibility;
import org.sijill.workflow.accounts.Principal;

/**
 * Access groups on the web: the admin's page ({@code /admin/groups}), the restrict form on item
 * pages ({@code POST /restrictions}, analyst and up) and the API ({@code /api/groups}, {@code
 * /api/restrictions}). The rules themselves live in the workflow ({@link Groups}, {@link
 * Visibility}).
 */
final class GroupDesk {
  private final Groups groups;
  private final Templates templates;
  private final AccountPages.ChromeFactory chrome;
  private final ObjectMapper json;

  GroupDesk(
      Groups groups, Templates templates, AccountPages.ChromeFactory chrome, ObjectMapper json) {
    this.groups = groups;
    this.templates = templates;
    this.chrome = chrome;
    this.json = json;
  }

  /** The restrict form of an item page, or null when the asker may not restrict. */
  static RestrictForm form(Context ctx, Groups groups, ItemType type, long id) {
    Principal p = Access.principal(ctx).orElse(null);
    if (p == null) {
      return null;
    }
    Visibility seen = Seen.by(ctx, groups.caseFile());
    List<String> all = groups.list().stream().map(Groups.Info::name).toList();
    List<String> current =
        seen.sees(type, id) ? groups.restrictionsOf(type, id) : List.of("(groups you are not in)");
    boolean may = p.role().includes(Role.ANALYST) && p.csrf() != null && !all.isEmpty();
    boolean admin = p.role().includes(Role.ADMIN) && p.csrf() != null;
    return new RestrictForm(
        type.db(),
        id,
        may ? all : List.of(),
        p.csrf(),
        current,
        admin && seen.sees(type, id) ? groups.restrictionsOf(type, id) : List.of());
  }

  /**
   * The restrict box of a list page (sources, victims): the item's number is typed in; admins also
   * get a lift form over every group. Null when the asker may not restrict.
   */
  static RestrictForm listForm(Context ctx, Groups groups, ItemType type) {
    Principal p = Access.principal(ctx).orElse(null);
    if (p == null || p.csrf() == null || !p.role().includes(Role.ANALYST)) {
      return null;
    }
    List<String> all = groups.list().stream().map(Groups.Info::name).toList();
    if (all.isEmpty()) {
      return null;
    }
    boolean admin = p.role().includes(Role.ADMIN);
    return new RestrictForm(type.db(), 0, all, p.csrf(), List.of(), admin ? all : List.of());
  }

  /**
   * What an item page shows about restriction: its groups, a form for analysts and up, and for
   * admins a form to lift a restriction ({@code liftable}: the groups it may be lifted from).
   */
  record RestrictForm(
      String type,
      long id,
      List<String> groups,
      String csrf,
      List<String> restrictedTo,
      List<String> liftable) {}

  // Pages

  void adminPage(Context ctx) {
    render(ctx, 200, null);
  }

  void adminCreate(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    change(ctx, () -> groups.create().create(ctx.formParam("name"), admin.recordedAs()));
  }

  void adminMembers(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    String group = ctx.pathParam("name");
    String user = ctx.formParam("user");
    boolean remove = "remove".equals(ctx.formParam("action"));
    change(
        ctx,
        () -> {
          if (remove) {
            groups.members().remove(group, user, admin.recordedAs());
          } else {
            groups.members().add(group, user, admin.recordedAs());
          }
        });
  }

  /** The restrict form of an item page; goes back to the item's page. */
  void restrictForm(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    ItemType type;
    long id;
    try {
      type = ItemType.parse(ctx.formParam("type"));
      id = Params.positive(ctx.formParam("id"), "id");
      groups.restrict().restrict(type, id, ctx.formParam("group"), p.recordedAs());
    } catch (GroupException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    ctx.redirect(back(type, id), HttpStatus.SEE_OTHER);
  }

  /** The lift form of an item page (admins); goes back to the item's page. */
  void liftForm(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    ItemType type;
    long id;
    try {
      type = ItemType.parse(ctx.formParam("type"));
      id = Params.positive(ctx.formParam("id"), "id");
      groups
          .lift()
          .lift(
              type, id, ctx.formParam("group"), ctx.formParam("reason"), p.recordedAs(), ctx.ip());
    } catch (GroupException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    ctx.redirect(back(type, id), HttpStatus.SEE_OTHER);
  }

  /** Back to a page of our own choosing, never to an address the form names. */
  private static String back(ItemType type, long id) {
    return switch (type) {
      case EVIDENCE -> "/evidence/" + id;
      case INCIDENT -> "/incidents/" + id;
      case SOURCE -> "/sources#source-" + id;
      case VICTIM -> "/victims";
    };
  }

  private void change(Context ctx, Runnable action) {
    try {
      action.run();
    } catch (GroupException e) {
      render(ctx, 400, e.getMessage());
      return;
    }
    ctx.redirect("/admin/groups", HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, int status, String problem) {
    Principal admin = Access.principal(ctx).orElseThrow();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("chrome", chrome.chrome("Access groups", "admin"));
    params.put("groups", groups.list());
    params.put("csrf", admin.csrf());
    params.put("problem", problem);
    ctx.status(status).html(templates.render("adminGroups.jte", params));
  }

  // API

  /** A group as the API shows it; members only to admins. */
  record GroupJson(long id, String name, long items, List<String> members) {}

  void apiList(Context ctx) {
    Params.Paging p = Params.paging(ctx);
    boolean admin = Access.principal(ctx).map(x -> x.role().includes(Role.ADMIN)).orElse(false);
    List<GroupJson> all =
        groups.list().stream()
            .map(g -> new GroupJson(g.id(), g.name(), g.items(), admin ? g.members() : null))
            .toList();
    ctx.json(Api.PageJson.slice(all, p));
  }

  void apiCreate(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    JsonNode body = body(ctx);
    try {
      long id = groups.create().create(text(body, "name"), admin.recordedAs());
      Groups.Info g = groups.find(text(body, "name").strip()).orElseThrow();
      ctx.status(201).json(new GroupJson(id, g.name(), g.items(), g.members()));
    } catch (GroupException e) {
      throw e.getMessage().contains("exists already")
          ? HttpProblem.conflict(e.getMessage())
          : HttpProblem.badRequest(e.getMessage());
    }
  }

  /** {@code {"user": "NAME", "action": "add|remove"}} (add when no action is given). */
  void apiMembers(Context ctx) {
    Principal admin = Access.principal(ctx).orElseThrow();
    JsonNode body = body(ctx);
    String group = ctx.pathParam("name");
    String user = text(body, "user");
    String action = body.hasNonNull("action") ? body.get("action").asText() : "add";
    try {
      switch (action) {
        case "add" -> groups.members().add(group, user, admin.recordedAs());
        case "remove" -> groups.members().remove(group, user, admin.recordedAs());
        default -> throw HttpProblem.badRequest("action is add or remove");
      }
    } catch (GroupException e) {
      throw e.getMessage().startsWith("there is no")
          ? HttpProblem.notFound(e.getMessage())
          : HttpProblem.badRequest(e.getMessage());
    }
    Groups.Info g = groups.find(group.strip()).orElseThrow();
    ctx.json(new GroupJson(g.id(), g.name(), g.items(), g.members()));
  }

  /** {@code {"type": "source|evidence|incident|victim", "id": 12, "group": "NAME"}}. */
  void apiRestrict(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    JsonNode body = body(ctx);
    if (!body.hasNonNull("id") || !body.get("id").canConvertToLong()) {
      throw HttpProblem.badRequest("id: a whole number is required");
    }
    try {
      ItemType type = ItemType.parse(text(body, "type"));
      long id = body.get("id").asLong();
      boolean added = groups.restrict().restrict(type, id, text(body, "group"), p.recordedAs());
      ctx.status(added ? 201 : 200)
          .json(new RestrictionJson(type.db(), id, text(body, "group").strip(), added));
    } catch (GroupException e) {
      throw e.getMessage().startsWith("there is no")
          ? HttpProblem.notFound(e.getMessage())
          : HttpProblem.badRequest(e.getMessage());
    }
  }

  record RestrictionJson(String type, long id, String group, boolean created) {}

  /** {@code {"type", "id", "group", "reason"}}: an admin lifts an item's restriction to a group. */
  void apiLift(Context ctx) {
    Principal p = Access.principal(ctx).orElseThrow();
    JsonNode body = body(ctx);
    if (!body.hasNonNull("id") || !body.get("id").canConvertToLong()) {
      throw HttpProblem.badRequest("id: a whole number is required");
    }
    try {
      ItemType type = ItemType.parse(text(body, "type"));
      long id = body.get("id").asLong();
      String group = text(body, "group");
      groups.lift().lift(type, id, group, text(body, "reason"), p.recordedAs(), ctx.ip());
      ctx.json(new LiftJson(type.db(), id, group.strip(), true));
    } catch (GroupException e) {
      throw e.getMessage().startsWith("there is no")
          ? HttpProblem.notFound(e.getMessage())
          : HttpProblem.badRequest(e.getMessage());
    }
  }

  record LiftJson(String type, long id, String group, boolean lifted) {}

  private JsonNode body(Context ctx) {
    return JsonFields.object(json, ctx);
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw HttpProblem.badRequest(field + ": text is required");
    }
    return v.asText();
  }
}
