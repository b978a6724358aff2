package org.commercemesh.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void givenAnOverlay_whenKustomizeRendersIt_thenEveryObjectParsesStrictlyAndEveryReferenceResolves(String overlay) {
        // The rule: rendering needs kubectl, so without it this test says it skipped; the
        // strict parse and the cross-references still run on the base (the test below).
        assumeTrue(Manifests.kubectlPresent(),
                "kubectl is not installed: the overlays are not rendered here (the base is still checked strictly)");

        StrictParse.Parsed parsed = Validation.validate(Manifests.render(overlay));

        List<String> kinds = parsed.objects().stream().map(HasMetadata::getKind).distinct().toList();
        assertThat(kinds).contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser");
        assertThat(parsed.cnpg()).extracting(object -> object.get("kind")).contains("Cluster", "Database");
        int replicas = overlay.equals("prod") ? 2 : 1;
        assertThat(parsed.objects()).filteredOn(Deployment.class::isInstance).map(Deployment.class::cast)
                .filteredOn(d -> !d.getMetadata().getName().equals("otel-collector"))
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName())
                        .isEqualTo(replicas));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void givenAnOverlay_thenCatalogAndOrderQueriesReadTheStandbysOnlyWhereTheClusterHasAny(String overlay) {
        assumeTrue(Manifests.kubectlPresent(), "kubectl is not installed: the overlays are not rendered here");

        StrictParse.Parsed parsed = Validation.validate(Manifests.render(overlay));

        int instances = parsed.cnpg().stream().filter(object -> "Cluster".equals(object.get("kind")))
                .map(object -> ((Number) ((Map<?, ?>) object.get("spec")).get("instances")).intValue())
                .findFirst().orElseThrow();
        // CloudNativePG's -ro Service selects standbys only: with one instance it has no endpoints.
        String host = instances > 1 ? "commerce-db-ro" : "commerce-db-rw";
        for (String service : List.of("catalog-svc", "order-svc")) {
            assertThat(readUrl(parsed, service)).as(service + " in " + overlay)
                    .isEqualTo("postgresql://" + host + ":5432/" + service.replace('-', '_'));
        }
    }

    /** What Quarkus reads: the environment outranks the ConfigMap's application.properties. */
    private static String readUrl(StrictParse.Parsed parsed, String service) {
        Deployment deployment = parsed.objects().stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).filter(d -> d.getMetadata().getName().equals(service)).findFirst()
                .orElseThrow();
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(env -> env.getName().equals("QUARKUS_DATASOURCE_READ_REACTIVE_URL"))
                .map(EnvVar::getValue).findFirst()
                .orElseGet(() -> parsed.objects().stream().filter(ConfigMap.class::isInstance)
                        .map(ConfigMap.class::cast)
                        .filter(map -> map.getMetadata().getName().equals(service + "-config"))
                        .flatMap(map -> map.getData().get("application.properties").lines())
                        .filter(line -> line.startsWith("quarkus.datasource.read.reactive.url="))
                        .map(line -> line.substring(line.indexOf('=') + 1)).findFirst().orElse("(the primary)"));
    }

    @Test
    void givenTheBaseAsWritten_thenItParsesStrictlyAndItsReferencesResolve_evenWithoutKubectl() {
        StrictParse.Parsed parsed = Validation.validate(Manifests.baseSources());

        assertThat(parsed.objects()).hasSizeGreaterThan(50);
    }

    @Test
    void givenEveryServiceDeployment_thenItRunsNonRootReadOnlyWithoutAServiceAccountTokenAndWithLimits() {
        StrictParse.Parsed parsed = Validation.validate(Manifests.baseSources());

        assertThat(parsed.objects()).filteredOn(Deployment.class::isInstance).map(Deployment.class::cast)
                .hasSize(6).allSatisfy(deployment -> {
                    var pod = deployment.getSpec().getTemplate().getSpec();
                    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
                    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
                    assertThat(pod.getContainers()).allSatisfy(container -> {
                        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                        assertThat(container.getResources().getLimits()).containsKey("memory");
                        assertThat(container.getReadinessProbe()).isNotNull();
                        assertThat(container.getLivenessProbe()).isNotNull();
                    });
                });
    }
}
