package org.sijill.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sijill.linkage.pairs.PairWorkProvider;

/**
 * {@code sijill link --engine spark} finds this engine by its name through {@link
 * java.util.ServiceLoader} (the cli carries no Spark): the service file and the name must stay in
 * step with what the command asks for.
 */
class SparkEngineTest {
  @Test
  void theLinkCommandFindsTheEngineByTheNameOfItsOption() {
    assertThat(PairWorkProvider.find("spark")).isInstanceOf(SparkEngine.class);
    assertThat(PairWorkProvider.find("hadoop")).isNull();
  }
}
