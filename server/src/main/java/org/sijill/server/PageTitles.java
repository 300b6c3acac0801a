package org.sijill.server;

/**
 * The browser-tab title of a page in the reader's language. Handlers name their page in English
 * ({@code chrome("Your account", "account")}); this looks the words up, so {@code <title>} follows
 * the language switch like the rest of the page. A title that is the case's own data (an incident's
 * title) is not in the list and shows as given.
 */
final class PageTitles {
  private PageTitles() {}

  static String of(Labels t, String title) {
    if (title == null) {
      return "";
    }
    String fixed =
        switch (title) {
          case "Case overview" -> t.get("title.overview");
          case "Incidents" -> t.get("nav.incidents");
          case "Victims" -> t.get("nav.victims");
          case "Evidence" -> t.get("nav.evidence");
          case "Sources" -> t.get("nav.sources");
          case "Public claims" -> t.get("nav.claims");
          case "Verification desk" -> t.get("nav.verification");
          case "Add evidence" -> t.get("title.add.evidence");
          case "New incident" -> t.get("title.new.incident");
          case "Log in" -> t.get("title.login");
          case "Log in: second factor" -> t.get("title.login.code");
          case "Your account" -> t.get("account.title");
          case "Users" -> t.get("admin.users.title");
          case "Create the first administrator" -> t.get("setup.title");
          case "Audit trail" -> t.get("admin.nav.audit");
          case "Exports" -> t.get("admin.nav.exports");
          case "Access groups" -> t.get("admin.nav.groups");
          case "Publish a report" -> t.get("admin.nav.report");
          case "Lists" -> t.get("desk.lists.title");
          case "Linking" -> t.get("desk.linking.title");
          case "Review" -> t.get("desk.review.title");
          case "Blind review" -> t.get("desk.blind.title");
          case "Estimates" -> t.get("desk.est.title");
          case "Claims ledger" -> t.get("desk.claims.title");
          case "Diagnostics" -> t.get("desk.diag.title");
          case "Not found" -> t.get("title.not.found");
          case "Bad request" -> t.get("title.bad.request");
          case "Error" -> t.get("title.error");
          default -> null;
        };
    if (fixed != null) {
      return fixed;
    }
    String n = number(title, "Evidence item ");
    if (n != null) {
      return t.get("title.evidence.item", n);
    }
    n = number(title, "Edit incident ");
    if (n != null) {
      return t.get("title.edit.incident", n);
    }
    n = number(title, "Person ");
    if (n != null) {
      return t.get("title.person", n);
    }
    n = number(title, "Review of evidence item ");
    if (n != null) {
      return t.get("title.review.item", n);
    }
    n = number(title, "Assess evidence item ");
    if (n != null) {
      return t.get("title.assess.item", n);
    }
    n = number(title, "Proof of custody entry ");
    if (n != null) {
      return t.get("title.proof", n);
    }
    return title;
  }

  /** The number after {@code prefix} when the title is exactly that prefix and a number. */
  private static String number(String title, String prefix) {
    if (!title.startsWith(prefix)) {
      return null;
    }
    String rest = title.substring(prefix.length());
    return !rest.isEmpty() && rest.chars().allMatch(Character::isDigit) ? rest : null;
  }
}
