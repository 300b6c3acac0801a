package org.sijill.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sijill.workflow.ExplainPair;

/** A pair's waterfall as the review desk shows it: a table and the chart's data. */
record WaterfallView(ExplainPair.Waterfall waterfall, String chart) {
  static WaterfallView of(ExplainPair.Waterfall w, ObjectMapper json) {
    List<Map<String, Object>> bars = new ArrayList<>();
    bars.add(bar("prior", 0, w.prior()));
    for (ExplainPair.Step s : w.steps()) {
      bars.add(bar(s.column(), s.before(), s.weight()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bars", bars);
    out.put("total", round(w.total()));
    out.put("probability", w.probability());
    return new WaterfallView(w, Json.write(json, out));
  }

  private static Map<String, Object> bar(String name, double before, double weight) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", name);
    b.put("before", round(before));
    b.put("weight", round(weight));
    return b;
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  static String signed(double d) {
    return String.format(Locale.ROOT, "%+.2f", d);
  }

  static String share(Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.3f", d);
  }

  String percent() {
    return String.format(Locale.ROOT, "%.1f%%", waterfall.probability() * 100);
  }
}
