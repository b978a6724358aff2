package org.commercemesh.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

class ImagesTest {

    private static final Path REPOSITORY = Manifests.ROOT.resolve("..");

    @Test
    void givenJibImages_thenTheirJvmArgumentsAreTheSharedJvmSettings() throws Exception {
        List<String> shared = Files.readAllLines(REPOSITORY.resolve("jvm/service.options")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        Properties platform = new Properties();
        try (var defaults = Files.newBufferedReader(
                REPOSITORY.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            platform.load(defaults);
        }

        assertThat(List.of(platform.getProperty("quarkus.jib.jvm-additional-arguments").split(",")))
                .containsExactlyElementsOf(shared);
        assertThat(platform.getProperty("quarkus.jib.user")).isEqualTo("185");
        for (String service : List.of("user-svc", "catalog-svc", "cart-svc", "order-svc")) {
            assertThat(Files.readString(REPOSITORY.resolve(service + "/pom.xml"))).as(service)
                    .contains("<artifactId>quarkus-container-image-jib</artifactId>");
            assertThat(Files.readString(REPOSITORY.resolve(service + "/src/main/docker/Dockerfile.jvm")))
                    .contains("FROM " + platform.getProperty("quarkus.jib.base-jvm-image"));
        }
    }

    @Test
    void givenEachServiceImage_thenItRunsNonRootWithTheSharedJvmSettingsOnTheDeploymentsPort() throws Exception {
        StrictParse.Parsed parsed = Validation.validate(Manifests.baseSources());
        String devMesh = Files.readString(REPOSITORY.resolve("dev/mesh"));

        for (Deployment deployment : parsed.objects().stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).filter(d -> d.getMetadata().getName().endsWith("-svc")).toList()) {
            String service = deployment.getMetadata().getName();
            String dockerfile = Files.readString(REPOSITORY.resolve(service + "/src/main/docker/Dockerfile.jvm"));
            int port = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0)
                    .getContainerPort();
            assertThat(dockerfile).as(service).contains("EXPOSE " + port).contains("USER 185")
                    .contains("COPY --chown=185 jvm/service.options /deployments/jvm/service.options")
                    .contains("\"@/deployments/jvm/service.options\"");
        }
        assertThat(devMesh).contains("@$ROOT/jvm/service.options").contains("@$ROOT/jvm/edge.options");
        assertThat(Files.readString(REPOSITORY.resolve("edge/src/main/docker/Dockerfile.jvm")))
                .contains("\"@/deployments/jvm/edge.options\"").contains("USER 185");
    }
}
