package org.sijill.casefile.demo;

import java.time.LocalDate;
import java.util.List;

/** The demo's incidents, one per coastal town: place (gazetteer key), type, date and titles. */
final class DemoTowns {
  private DemoTowns() {}

  /** One demo incident. */
  record Town(String key, String type, LocalDate date, String titleEn, String titleAr) {}

  /** The demo's incidents: place (gazetteer key), type, date and titles. */
  static final List<Town> INCIDENTS =
      List.of(
          new Town(
              "jableh",
              "armed_clash",
              LocalDate.of(2025, 3, 6),
              "Clashes at checkpoints around Jableh",
              "اشتباكات عند حواجز في محيط جبلة"),
          new Town(
              "jableh",
              "killing_of_civilians",
              LocalDate.of(2025, 3, 7),
              "Killings of civilians in Jableh",
              "مقتل مدنيين في جبلة"),
          new Town(
              "baniyas",
              "killing_of_civilians",
              LocalDate.of(2025, 3, 7),
              "Killings in Baniyas neighbourhoods",
              "عمليات قتل في أحياء بانياس"),
          new Town(
              "baniyas",
              "raid",
              LocalDate.of(2025, 3, 8),
              "House raids in Baniyas",
              "مداهمات منازل في بانياس"),
          new Town(
              "latakia-city",
              "killing_of_civilians",
              LocalDate.of(2025, 3, 7),
              "Killings on the outskirts of Latakia",
              "عمليات قتل في أطراف اللاذقية"),
          new Town(
              "qardaha",
              "killing_of_civilians",
              LocalDate.of(2025, 3, 8),
              "Killings in Al-Qardahah",
              "مقتل مدنيين في القرداحة"),
          new Town(
              "haffah",
              "raid",
              LocalDate.of(2025, 3, 8),
              "Raids in villages around Al-Haffah",
              "مداهمات في قرى الحفة"),
          new Town(
              "ayn-shiqaq",
              "killing_of_civilians",
              LocalDate.of(2025, 3, 7),
              "Killings in Ayn Shiqaq",
              "مقتل مدنيين في عين شقاق"),
          new Town(
              "annazah",
              "killing_of_civilians",
              LocalDate.of(2025, 3, 8),
              "Killings in Al-Annazah, Baniyas countryside",
              "مقتل مدنيين في العنازة بريف بانياس"),
          new Town(
              "qutaylibiyah",
              "armed_clash",
              LocalDate.of(2025, 3, 9),
              "Clashes near Al-Qutaylibiyah",
              "اشتباكات قرب القطيلبية"));
}
