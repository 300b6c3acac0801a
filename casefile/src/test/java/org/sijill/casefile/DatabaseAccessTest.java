package org.sijill.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL asks every connection for a password that only the data directory's owner
 * can read, and the directory is its owner's alone.
 */
class DatabaseAccessTest {

  @Test
  void onlyTheOwnerOfTheDataDirectoryCanConnect(@TempDir Path parent) throws Exception {
    Path data = parent.resolve("case");
    String url;
    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      url = cf.describe().substring(cf.describe().indexOf("jdbc:"));
      assertThat(mode(data)).isEqualTo("rwx------");
      assertThat(mode(data.resolve("db"))).isEqualTo("rwx------");
      assertThat(mode(data.resolve("db.secret"))).isEqualTo("rw-------");
      String hba = Files.readString(data.resolve("db/pg_hba.conf"));
      assertThat(hba).contains("scram-sha-256").doesNotContainPattern("(?m)^[^#]*\\btrust\\s*$");
      assertRefusedWithoutPassword(url);
      assertConnects(url, Files.readString(data.resolve("db.secret")).strip());
    }

    // A folder made before passwords were required ("trust") is switched over on its next start.
    Files.writeString(
        data.resolve("db/pg_hba.conf"),
        "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      url = cf.describe().substring(cf.describe().indexOf("jdbc:"));
      assertThat(Files.readString(data.resolve("db/pg_hba.conf")))
          .doesNotContainPattern("(?m)^[^#]*\\btrust\\s*$");
      assertRefusedWithoutPassword(url);
      assertThat(cf.incidents().count()).isZero();
    }
  }

  private static void assertRefusedWithoutPassword(String url) {
    assertThatThrownBy(() -> DriverManager.getConnection(url).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> assertConnects(url, "a guessed password"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  private static void assertConnects(String url, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("password", password);
    try (Connection c = DriverManager.getConnection(url, p)) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
