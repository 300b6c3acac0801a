package org.sijill.linkage.synthetic;

import java.time.LocalDate;

/** A simulated person of the population: the truth that lists render with noise. */
record Person(
    String id,
    char sex,
    NameStock.Name given,
    NameStock.Name father,
    NameStock.Name grandfather,
    NameStock.Name family,
    NameStock.Name mother,
    int age,
    LocalDate dateOfDeath,
    Place place,
    String status,
    int cause,
    double visibility) {}
