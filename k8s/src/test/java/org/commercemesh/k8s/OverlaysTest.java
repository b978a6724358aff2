package org.commercemesh.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
