package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.commercemesh.bench.Bench;
import org.commercemesh.bench.Measurement;
import org.commercemesh.bench.Mesh.Database;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.bench.Options;
import org.junit.jupiter.api.Test;

/**
 * Keeps the load tool working: every scenario for ten seconds against the running mesh, and its
 * limits briefly. Figures from here mean nothing (CI machine, tiny catalog); bench/run measures.
 */
class BenchSmokeIT {

    @Test
    void givenTheRunningMesh_whenEveryScenarioRunsTenSeconds_thenEachAnswersWithoutErrorsAndItsLimitsRun()
            throws Exception {
        Mesh mesh = Mesh.get();
        Map<Service, String> addresses = new EnumMap<>(Service.class);
        Map<Service, Database> databases = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            String name = service.key() + "-svc";
            addresses.put(service, mesh.address(name));
            Map<String, String> config = mesh.databaseConfig(name);
            String url = config.get("quarkus.datasource.jdbc.url");
            databases.put(service, new Database(url, url.substring(url.lastIndexOf('/') + 1),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password")));
        }
        Options options = Options
                .parse("--concurrency", "2", "--seconds", "10", "--limit-seconds", "2", "--warmup", "1",
                        "--rounds", "0", "--out", Path.of("target/bench").toString())
                .at(addresses, databases);

        List<Measurement> rows = Bench.run(options);

        assertThat(rows).extracting(Measurement::scenario).containsExactlyElementsOf(Options.ALL);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.perSecond()).as(row.scenario()).isPositive();
            assertThat(row.errors()).as(row.scenario()).isZero();
            assertThat(row.echoPerSecond()).as(row.scenario() + " echo").isPositive();
        });
        assertThat(rows).filteredOn(row -> !row.scenario().equals("event-path"))
                .allSatisfy(row -> assertThat(row.sqlPerSecond()).as(row.scenario() + " SQL replay").isPositive());
    }
}
