package org.commercemesh.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import org.commercemesh.bench.Mesh.Service;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void givenNoArguments_thenEveryScenarioRunsAgainstDevMeshWithItsLimits() {
        Options options = Options.parse();

        assertThat(options.scenarios()).isEqualTo(Options.ALL);
        assertThat(options.concurrency()).containsExactly(16, 1);
        assertThat(options.seconds()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.limits()).isTrue();
        assertThat(options.addresses().get(Service.CART)).isEqualTo("127.0.0.1:8103");
        assertThat(options.databases().get(Service.CATALOG).name()).isEqualTo("catalog_svc");
    }

    @Test
    void givenArguments_thenTheyOverrideTheDefaults() {
        Options options = Options.parse("--scenarios", "checkout", "--concurrency", "4", "--rate", "100", "--no-limits",
                "--catalog", "10.0.0.2:9000", "--db", "db.local:6432");

        assertThat(options.scenarios()).containsExactly("checkout");
        assertThat(options.concurrency()).containsExactly(4);
        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.limits()).isFalse();
        assertThat(options.addresses().get(Service.CATALOG)).isEqualTo("10.0.0.2:9000");
        assertThat(options.dbHost()).isEqualTo("db.local");
        assertThat(options.dbPort()).isEqualTo(6432);
    }

    @Test
    void givenAnUnknownScenario_thenTheRunIsRefusedBeforeItStarts() {
        Throwable refused = catchThrowable(() -> Options.parse("--scenarios", "get-prodcut"));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("get-prodcut");
    }
}
