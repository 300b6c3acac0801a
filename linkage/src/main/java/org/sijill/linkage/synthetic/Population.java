package org.sijill.linkage.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the simulated population in households: siblings share their father's name, their mother
 * and their family name, and usually the place and date of death; a household may include the
 * father himself, whose given name is then his children's father name. These are exactly the
 * records a linker must keep apart.
 */
final class Population {
  private Population() {}

  static List<Person> draw(GeneratorConfig c, SplittableRandom rnd) {
    List<Person> people = new ArrayList<>(c.populationSize());
    double totalWeight = c.places().stream().mapToDouble(Place::weight).sum();
    long days = ChronoUnit.DAYS.between(c.from(), c.to());
    int next = 0;
    while (people.size() < c.populationSize()) {
      int size = 1;
      while (size < 6 && rnd.nextDouble() < 0.45) {
        size++;
      }
      size = Math.min(size, c.populationSize() - people.size());
      NameStock.Name family = NameStock.FAMILIES.get(rnd.nextInt(NameStock.FAMILIES.size()));
      NameStock.Name fatherName = pick(NameStock.MALE, rnd);
      NameStock.Name grandfather = pick(NameStock.MALE, rnd);
      NameStock.Name mother = pick(NameStock.FEMALE, rnd);
      Place place = pickPlace(c.places(), totalWeight, rnd);
      LocalDate date = c.from().plusDays(days == 0 ? 0 : rnd.nextLong(days + 1));
      boolean withFather = size > 1 && rnd.nextDouble() < 0.3;
      int fatherAge = 40 + rnd.nextInt(36);
      for (int k = 0; k < size; k++) {
        LocalDate d = date;
        if (rnd.nextDouble() < 0.2) {
          d = c.from().plusDays(days == 0 ? 0 : rnd.nextLong(days + 1));
        }
        Place p = rnd.nextDouble() < 0.9 ? place : pickPlace(c.places(), totalWeight, rnd);
        String id = String.format("P%07d", ++next);
        double vis = rnd.nextGaussian() * c.captureHeterogeneity();
        String status = status(rnd);
        int cause = rnd.nextInt(5);
        if (withFather && k == 0) {
          people.add(
              new Person(
                  id,
                  'M',
                  fatherName,
                  grandfather,
                  null,
                  family,
                  pick(NameStock.FEMALE, rnd),
                  fatherAge,
                  d,
                  p,
                  status,
                  cause,
                  vis));
          continue;
        }
        char sex = rnd.nextDouble() < 0.7 ? 'M' : 'F';
        NameStock.Name given =
            pickDistinct(sex == 'M' ? NameStock.MALE : NameStock.FEMALE, people, family, rnd);
        int age =
            withFather
                ? Math.max(0, fatherAge - 18 - rnd.nextInt(Math.max(1, fatherAge - 17)))
                : rnd.nextInt(80);
        people.add(
            new Person(
                id,
                sex,
                given,
                fatherName,
                grandfather,
                family,
                mother,
                age,
                d,
                p,
                status,
                cause,
                vis));
      }
    }
    return people;
  }

  /** Siblings get different given names (a household never has two Ahmads). */
  private static NameStock.Name pickDistinct(
      List<NameStock.Name> from, List<Person> people, NameStock.Name family, SplittableRandom r) {
    for (int attempt = 0; attempt < 10; attempt++) {
      NameStock.Name n = pick(from, r);
      boolean clash = false;
      for (int i = Math.max(0, people.size() - 6); i < people.size(); i++) {
        Person o = people.get(i);
        if (o.family() == family && o.given() == n) {
          clash = true;
        }
      }
      if (!clash) {
        return n;
      }
    }
    return pick(from, r);
  }

  /** Zipf-like: early entries of the stock are more common (Muhammad, Ahmad…). */
  static <T> T pick(List<T> from, SplittableRandom r) {
    double u = r.nextDouble();
    int i = (int) Math.floor(from.size() * u * u);
    return from.get(Math.min(i, from.size() - 1));
  }

  private static Place pickPlace(List<Place> places, double total, SplittableRandom r) {
    double u = r.nextDouble() * total;
    for (Place p : places) {
      u -= p.weight();
      if (u <= 0) {
        return p;
      }
    }
    return places.get(places.size() - 1);
  }

  private static String status(SplittableRandom r) {
    double u = r.nextDouble();
    return u < 0.7 ? "civilian" : u < 0.8 ? "combatant" : "unknown";
  }
}
