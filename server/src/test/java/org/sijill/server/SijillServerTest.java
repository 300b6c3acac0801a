package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DemoServer.Extension.class)
class SijillServerTest {
  private final DemoServer demo;

  SijillServerTest(DemoServer demo) {
    this.demo = demo;
  }

  @Test
  void aTakenPortIsReportedByNumber() {
    int taken = demo.server.port();
    assertThatThrownBy(() -> SijillServer.start(demo.caseFile, taken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot serve on 127.0.0.1:" + taken);
  }

  @Test
  void closingTheServerLeavesTheCaseFileOpen() {
    SijillServer second = SijillServer.start(demo.caseFile, 0);
    assertThat(second.port()).isPositive().isNotEqualTo(demo.server.port());
    second.close();
    assertThat(demo.caseFile.incidents().count()).isEqualTo(10);
    assertThat(demo.get("/api/incidents").statusCode()).isEqualTo(200);
  }
}
