package org.commercemesh.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each check of the validation seen refusing a copy of the deployment with one mistake in it —
 * and the unbroken copy passing, so the refusal is the mistake's.
 */
class BrokenCopiesTest {

    private static String deployment;

    @BeforeAll
    static void readTheDeployment() {
        deployment = Manifests.kubectlPresent() ? Manifests.render("prod") : Manifests.baseSources();
        Validation.validate(deployment);
    }

    private static String problems(String from, String to) {
        assertThat(deployment).as("the copy to break").contains(from);
        return refused(deployment.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    /** What the validation says of {@code broken}, which it must refuse. */
    private static String refused(String broken) {
        ManifestProblems refused = catchThrowableOfType(ManifestProblems.class, () -> Validation.validate(broken));
        assertThat(refused).as("the broken copy is refused").isNotNull();
        return refused.getMessage();
    }

    @Test
    void givenAServiceAccountThatDoesNotExist_thenItIsReported() {
        assertThat(problems("serviceAccountName: cart-svc", "serviceAccountName: kart-svc"))
                .contains("ServiceAccount kart-svc does not exist");
    }

    @Test
    void givenAServiceTargetingAPortNoPodOpens_thenItIsReported() {
        assertThat(problems("targetPort: grpc", "targetPort: grpcs")).contains("targetPort grpcs");
    }

    @Test
    void givenANetworkPolicyLettingInAPortThePodsDoNotOpen_thenItIsReported() {
        // Only cart-svc's own policy, and only its ingress: the same port stands in other policies' egress.
        Pattern cartPolicy = Pattern.compile("(?m)^  name: cart-svc$");
        String[] documents = deployment.split("\n---\n");
        for (int i = 0; i < documents.length; i++) {
            if (documents[i].contains("kind: NetworkPolicy") && cartPolicy.matcher(documents[i]).find()) {
                int port = documents[i].indexOf("8103", documents[i].indexOf("ingress:"));
                documents[i] = documents[i].substring(0, port) + "9103" + documents[i].substring(port + 4);
            }
        }

        assertThat(refused(String.join("\n---\n", documents))).contains("NetworkPolicy cart-svc: ingress port 9103");
    }

    @Test
    void givenAMisspeltField_thenTheStrictParseRefusesIt() {
        assertThat(problems("containerPort: 8104", "contianerPort: 8104")).contains("contianerPort");
    }

    @Test
    void givenANumberWrittenAsText_thenTheStrictParseRefusesIt() {
        assertThat(problems("minReplicas: 2", "minReplicas: \"2\"")).contains("HorizontalPodAutoscaler");
    }

    @Test
    void givenAMisspeltFieldInAStrimziResource_thenItsModelRefusesIt() {
        assertThat(problems("topicName: order.events", "topicname: order.events")).contains("topicname");
    }

    @Test
    void givenAMisspeltFieldInACloudNativePgCluster_thenTheShapeCheckRefusesIt() {
        assertThat(problems("instances: 2", "instance: 2")).contains("unknown field spec.instance");
    }

    @Test
    void givenAServiceWhoseSelectorMatchesNoPod_thenItIsReported() {
        assertThat(problems("  selector:\n    app.kubernetes.io/name: cart-svc",
                "  selector:\n    app.kubernetes.io/name: kart-svc")).contains("Service cart-svc")
                .contains("selects no");
    }

    @Test
    void givenAProbeOnAPortTheContainerDoesNotOpen_thenItIsReported() {
        String probe = deployment.contains("grpc: {port: 8103}")
                ? "grpc: {port: 8103}"
                : "grpc:\n            port: 8103";
        assertThat(problems(probe, probe.replace("8103", "9103"))).contains("port 9103");
    }

    @Test
    void givenAnEnvoyClusterOnAPortNoServiceHas_thenItIsReported() {
        assertThat(problems("port_value: 8102", "port_value: 18102")).contains("catalog-svc:18102");
    }

    @Test
    void givenASecretKeyNobodyProvides_thenItIsReported() {
        assertThat(problems("key: sasl.jaas.config", "key: jaas.config")).contains("has no key jaas.config");
    }

    @Test
    void givenAConfigMapThatDoesNotExist_thenItIsReported() {
        assertThat(problems("name: order-svc-config", "name: order-svc-configuration")).contains("ConfigMap");
    }

    @Test
    void givenANetworkPolicyPeerMatchingNoPod_thenItIsReported() {
        assertThat(problems("cnpg.io/cluster: commerce-db", "cnpg.io/cluster: commerce-pg"))
                .contains("matches no pod");
    }
}
