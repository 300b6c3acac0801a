package org.sijill.casefile;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.internal.Databases;
import org.sijill.casefile.repo.ApiTokens;
import org.sijill.casefile.repo.Claims;
import org.sijill.casefile.repo.Estimates;
import org.sijill.casefile.repo.Evidence;
import org.sijill.casefile.repo.Incidents;
import org.sijill.casefile.repo.LinkDecisions;
import org.sijill.casefile.repo.LinkageInput;
import org.sijill.casefile.repo.LinkageReview;
import org.sijill.casefile.repo.LinkageRuns;
import org.sijill.casefile.repo.Locations;
import org.sijill.casefile.repo.LoginAttempts;
import org.sijill.casefile.repo.Persons;
import org.sijill.casefile.repo.PublicClaims;
import org.sijill.casefile.repo.Sessions;
import org.sijill.casefile.repo.Sources;
import org.sijill.casefile.repo.Users;
import org.sijill.casefile.repo.Victims;
import org.sijill.casefile.seal.Keyring;
import org.sijill.casefile.seal.Sealer;

/**
 * An open case file: the database (embedded PostgreSQL inside the data directory, or an
 * organisation's server) migrated to the current schema, and the repositories over it.
 *
 * <p>Every write takes the name of the person (or process) who makes it; the database rejects
 * updates and deletes of recorded rows, so a correction is always a new version.
 */
public final class CaseFile implements AutoCloseable {
  private final Databases.Opened db;
  private final Jdbi jdbi;
  private volatile Sealer sealer;

  private CaseFile(Databases.Opened db, Sealer sealer) {
    this.db = db;
    this.jdbi = Databases.jdbi(db.dataSource());
    this.sealer = sealer;
  }

  /**
   * Opens the case file of a data directory: starts (or recovers) the embedded PostgreSQL under
   * {@code dataDir/db}, or connects to {@code jdbcUrl} when given, then applies migrations.
   */
  public static CaseFile open(Path dataDir, Optional<String> jdbcUrl) {
    Sealer s = Keyring.exists(keysDir(dataDir)) ? Sealer.locked() : Sealer.none();
    return new CaseFile(Databases.open(dataDir, jdbcUrl), s);
  }

  /**
   * Opens the case file of a data directory even while another process (a running {@code sijill
   * serve}) holds its embedded PostgreSQL, by connecting to that server; otherwise as {@link
   * #open}. For reading a consistent copy (a backup) without stopping the server.
   */
  public static CaseFile openShared(Path dataDir, Optional<String> jdbcUrl) {
    Sealer s = Keyring.exists(keysDir(dataDir)) ? Sealer.locked() : Sealer.none();
    return new CaseFile(Databases.openShared(dataDir, jdbcUrl), s);
  }

  /** A case file over a data source that the caller manages (tests, embedding applications). */
  public static CaseFile over(DataSource dataSource) {
    return new CaseFile(Databases.over(dataSource), Sealer.none());
  }

  /** The folder of a data directory that holds its keys (signing key, sealing keyring). */
  public static Path keysDir(Path dataDir) {
    return dataDir.resolve("keys");
  }

  /**
   * How identifying values are sealed and opened in this case: no keys, locked (the case has keys
   * but no passphrase was given) or unlocked. Opening a case file with keys starts locked.
   */
  public Sealer sealer() {
    return sealer;
  }

  /** Uses {@code s} from now on (after the keys were unlocked, created or rotated). */
  public void useSealer(Sealer s) {
    this.sealer = java.util.Objects.requireNonNull(s);
  }

  /** The JDBI instance, for modules that keep their own tables in this database. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** Where the database lives, for messages: a JDBC URL without credentials. */
  public String describe() {
    return db.description();
  }

  public Sources sources() {
    return new Sources(jdbi, sealer);
  }

  public Locations locations() {
    return new Locations(jdbi);
  }

  public Incidents incidents() {
    return new Incidents(jdbi);
  }

  public Evidence evidence() {
    return new Evidence(jdbi, sealer);
  }

  public org.sijill.casefile.repo.Actors actors() {
    return new org.sijill.casefile.repo.Actors(jdbi);
  }

  public org.sijill.casefile.repo.Attributions attributions() {
    return new org.sijill.casefile.repo.Attributions(jdbi);
  }

  public org.sijill.casefile.repo.IncidentLinks incidentLinks() {
    return new org.sijill.casefile.repo.IncidentLinks(jdbi);
  }

  public Claims claims() {
    return new Claims(jdbi);
  }

  public PublicClaims publicClaims() {
    return new PublicClaims(jdbi);
  }

  /** The overview's list figures, kept while no list is imported (issue 16: load). */
  private final Victims.StatsCache victimStats = new Victims.StatsCache();

  public Victims victims() {
    return new Victims(jdbi, sealer, victimStats);
  }

  public Persons persons() {
    return new Persons(jdbi);
  }

  public LinkageRuns linkageRuns() {
    return new LinkageRuns(jdbi);
  }

  /** The records a linkage of the case reads. */
  public LinkageInput linkageInput() {
    return new LinkageInput(jdbi);
  }

  /** The review lists of linkage runs and where their review stands. */
  public LinkageReview linkageReview() {
    return new LinkageReview(jdbi);
  }

  /** Review decisions on pairs of records. */
  public LinkDecisions linkDecisions() {
    return new LinkDecisions(jdbi);
  }

  public Estimates estimates() {
    return new Estimates(jdbi);
  }

  public Users users() {
    return new Users(jdbi);
  }

  /** The database mirror of the vault's custody log. */
  public org.sijill.casefile.evidence.VaultRecords vaultRecords() {
    return new org.sijill.casefile.evidence.VaultRecords(jdbi);
  }

  /** The near-duplicates found at ingest. */
  public org.sijill.casefile.evidence.NearDuplicates nearDuplicates() {
    return new org.sijill.casefile.evidence.NearDuplicates(jdbi);
  }

  /** Verification records of evidence items and the steps of their review. */
  public org.sijill.casefile.repo.Verifications verifications() {
    return new org.sijill.casefile.repo.Verifications(jdbi, sealer);
  }

  public Sessions sessions() {
    return new Sessions(jdbi);
  }

  public ApiTokens apiTokens() {
    return new ApiTokens(jdbi);
  }

  /** Publishing: persons kept out of the public list, published editions (V11). */
  public org.sijill.casefile.repo.Publications publications() {
    return new org.sijill.casefile.repo.Publications(jdbi);
  }

  public LoginAttempts loginAttempts() {
    return new LoginAttempts(jdbi);
  }

  /** Access groups, their members and the items restricted to them. */
  public org.sijill.casefile.repo.AccessGroups accessGroups() {
    return new org.sijill.casefile.repo.AccessGroups(jdbi);
  }

  /** The audit trail: reads, exports, failed logins, administrators' actions. */
  public org.sijill.casefile.repo.AuditEvents auditEvents() {
    return new org.sijill.casefile.repo.AuditEvents(jdbi);
  }

  /** Users' TOTP second factors and who must use one. */
  public org.sijill.casefile.repo.SecondFactors secondFactors() {
    return new org.sijill.casefile.repo.SecondFactors(jdbi);
  }

  @Override
  public void close() {
    db.close();
  }
}
