package org.sijill.linkage.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one person as one list would: in its script, with the spelling, orthographic, ordering,
 * typing and recall noise seen in real lists (a chosen romanisation, dropped hamza, ة written ه,
 * joined or split عبد compounds, a dropped article, a missing father's name, family name first, an
 * age off by one or two, a date off by a day or known only to the month, blank fields).
 */
final class Renderer {
  /**
   * How often a recorded status is the wrong one. Status is what a list's compiler judges, and the
   * judgement is contested: a family or a local group may list a fighter as a civilian, a list
   * close to a party may do the reverse, and many are left "unknown" for want of information. The
   * generator takes 5% of recorded statuses as wrong — an assumption for testing, not a measured
   * rate (docs/linkage.md, "Synthetic lists").
   */
  static final double STATUS_SLIP = 0.05;

  /**
   * How often a recorded cause is the wrong one: 10%, twice the status rate, because a witness on
   * the ground often cannot tell shelling from an air strike, or a shooting from an execution; the
   * slips follow those confusions. Also an assumption, documented as such.
   */
  static final double CAUSE_SLIP = 0.10;

  static final String[] CAUSE_LATIN = {"gunshot", "shelling", "airstrike", "execution", "unknown"};
  static final String[] CAUSE_ARABIC = {"طلق ناري", "قصف", "غارة جوية", "إعدام", "غير معروف"};

  private final ListSpec spec;
  private final SplittableRandom rnd;
  private final SplittableRandom slips;

  /**
   * @param rnd every draw but the slips of status and cause
   * @param slips the draws that mis-record status and cause, kept apart so that adding them left
   *     every other value of the lists (and so the linkage benchmarks) as it was
   */
  Renderer(ListSpec spec, SplittableRandom rnd, SplittableRandom slips) {
    this.spec = spec;
    this.rnd = rnd;
    this.slips = slips;
  }

  Map<String, String> render(Person p, String recordId) {
    boolean arabic =
        switch (spec.script()) {
          case ARABIC -> true;
          case LATIN -> false;
          case MIXED -> rnd.nextBoolean();
        };
    double miss = spec.missingRate();
    Map<String, String> v = new HashMap<>();
    v.put("record_id", recordId);
    String given = name(p.given(), arabic);
    String father = rnd.nextDouble() < miss ? "" : name(p.father(), arabic);
    String family = family(p.family(), arabic);
    List<String> parts = new ArrayList<>(4);
    double order = rnd.nextDouble();
    if (order < 0.08 && !father.isEmpty()) {
      parts.add(family);
      parts.add(given);
      parts.add(father);
    } else {
      parts.add(given);
      if (!father.isEmpty()) {
        parts.add(father);
        if (p.grandfather() != null && rnd.nextDouble() < 0.3) {
          parts.add(name(p.grandfather(), arabic));
        }
      }
      parts.add(family);
    }
    String full = String.join(" ", parts);
    if (!arabic && rnd.nextDouble() < 0.1) {
      full = full.toUpperCase(Locale.ROOT);
    }
    v.put("full_name", full);
    v.put("given_name", rnd.nextDouble() < miss ? "" : given);
    v.put("father_name", father);
    v.put("family_name", rnd.nextDouble() < miss ? "" : family);
    v.put("mother_name", rnd.nextDouble() < 0.35 ? name(p.mother(), arabic) : "");
    v.put("sex", rnd.nextDouble() < miss / 2 ? "" : String.valueOf(p.sex()));
    boolean ageKnown = rnd.nextDouble() >= miss;
    v.put("age", ageKnown ? String.valueOf(Math.max(0, p.age() + ageNoise())) : "");
    boolean group = ageKnown ? rnd.nextDouble() < 0.6 : rnd.nextDouble() < 0.8;
    v.put("age_group", group ? (p.age() < 18 ? "child" : "adult") : "");
    v.put("date_of_death", date(p.dateOfDeath(), miss));
    boolean placeKnown = rnd.nextDouble() >= miss;
    v.put("place_of_death", placeKnown ? place(p.place(), arabic) : "");
    v.put("governorate", rnd.nextDouble() < 0.8 ? p.place().governorate() : "");
    v.put("status", rnd.nextDouble() < 0.7 ? status(p.status()) : "");
    v.put("cause", rnd.nextDouble() < 0.7 ? (arabic ? CAUSE_ARABIC : CAUSE_LATIN)[cause(p)] : "");
    return v;
  }

  /** The status as recorded: the true one, or now and then a wrong one. */
  private String status(String truth) {
    if (slips.nextDouble() >= STATUS_SLIP) {
      return truth;
    }
    double u = slips.nextDouble();
    return switch (truth) {
      case "civilian" -> u < 0.6 ? "combatant" : "unknown";
      case "combatant" -> u < 0.8 ? "civilian" : "unknown";
      default -> u < 0.7 ? "civilian" : "combatant";
    };
  }

  /**
   * The cause as recorded (an index of {@link #CAUSE_LATIN}): the true one, or now and then the one
   * it is mistaken for — shelling for an air strike and back, a shooting for an execution and back,
   * an unknown cause guessed as any other.
   */
  private int cause(Person p) {
    if (slips.nextDouble() >= CAUSE_SLIP) {
      return p.cause();
    }
    return switch (p.cause()) {
      case 0 -> slips.nextDouble() < 0.7 ? 3 : 4;
      case 1 -> 2;
      case 2 -> 1;
      case 3 -> 0;
      default -> slips.nextInt(4);
    };
  }

  private int ageNoise() {
    double u = rnd.nextDouble();
    if (u < 0.7) {
      return 0;
    }
    if (u < 0.9) {
      return rnd.nextBoolean() ? 1 : -1;
    }
    return (rnd.nextBoolean() ? 1 : -1) * (2 + rnd.nextInt(2));
  }

  private String date(LocalDate d, double miss) {
    double u = rnd.nextDouble();
    if (u < miss / 2) {
      return "";
    }
    if (u < miss / 2 + 0.08) {
      return d.toString().substring(0, 7);
    }
    double w = rnd.nextDouble();
    if (w < 0.12) {
      d = d.plusDays(rnd.nextBoolean() ? 1 : -1);
    } else if (w < 0.15) {
      d = d.plusDays(rnd.nextBoolean() ? 2 : -2);
    }
    return d.toString();
  }

  private String place(Place p, boolean arabic) {
    if (arabic) {
      return arabicNoise(p.arabic(), true);
    }
    return spelling(p.latin());
  }

  private String name(NameStock.Name n, boolean arabic) {
    return arabic ? arabicNoise(n.arabic(), false) : latinNoise(spelling(n.latin()));
  }

  private String family(NameStock.Name n, boolean arabic) {
    if (arabic) {
      return arabicNoise(n.arabic(), true);
    }
    String s = spelling(n.latin());
    if (rnd.nextDouble() < 0.15) {
      s = s.replaceFirst("^(?i)(al|el)[- ]", "");
      s = s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
    return latinNoise(s);
  }

  /** The most common spelling half of the time, otherwise any of the others. */
  private String spelling(List<String> variants) {
    if (variants.size() == 1 || rnd.nextDouble() < 0.5) {
      return variants.get(0);
    }
    return variants.get(1 + rnd.nextInt(variants.size() - 1));
  }

  private String arabicNoise(String s, boolean mayDropArticle) {
    if (rnd.nextDouble() < 0.4) {
      s = s.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا');
    }
    if (rnd.nextDouble() < 0.3) {
      s = s.replace('ة', 'ه');
    }
    if (rnd.nextDouble() < 0.3) {
      s = s.replace('ى', 'ي');
    }
    if (s.startsWith("عبد ") && rnd.nextDouble() < 0.4) {
      s = "عبد" + s.substring(4);
    }
    if (mayDropArticle && s.startsWith("ال") && s.length() > 4 && rnd.nextDouble() < 0.2) {
      s = s.substring(2);
    }
    if (rnd.nextDouble() < 0.03 && s.length() > 3) {
      int i = 1 + rnd.nextInt(s.length() - 2);
      s = s.substring(0, i) + s.substring(i + 1);
    }
    return s;
  }

  /** A keying error now and then: a dropped, doubled or swapped letter. */
  private String latinNoise(String s) {
    if (rnd.nextDouble() >= 0.04 || s.length() < 4) {
      return s;
    }
    int i = 1 + rnd.nextInt(s.length() - 2);
    return switch (rnd.nextInt(3)) {
      case 0 -> s.substring(0, i) + s.substring(i + 1);
      case 1 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
      default -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    };
  }
}
