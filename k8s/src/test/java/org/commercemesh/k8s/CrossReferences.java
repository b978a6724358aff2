package org.commercemesh.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * What only the whole deployment can get wrong: a name or port one object gives and another
 * expects. Every Deployment's ServiceAccount, ConfigMaps and Secret keys exist (Secrets: those
 * required-secrets.yaml documents, or the ones Strimzi writes per KafkaUser); probes use ports
 * the container has; every Service, HPA and PDB finds its Deployment and every Service port a
 * container port; every NetworkPolicy selector matches pods that exist and its ingress ports
 * are ports those pods listen on; every Envoy cluster address is a Service and port.
 */
final class CrossReferences {

    private static final List<String> KAFKA_USER_KEYS = List.of("password", "sasl.jaas.config");

    private CrossReferences() {
    }

    static List<String> problems(StrictParse.Parsed parsed, Map<String, List<String>> requiredSecrets) {
        List<HasMetadata> all = parsed.objects();
        List<Deployment> deployments = of(all, Deployment.class);
        Set<String> configMaps = names(of(all, ConfigMap.class));
        Set<String> accounts = names(of(all, ServiceAccount.class));
        Map<String, List<String>> secrets = new HashMap<>(requiredSecrets);
        of(all, KafkaUser.class).forEach(user -> secrets.put(user.getMetadata().getName(), KAFKA_USER_KEYS));
        List<Map<String, String>> pods = podLabels(parsed, deployments);
        List<String> problems = new ArrayList<>();

        for (Deployment deployment : deployments) {
            String where = "Deployment " + deployment.getMetadata().getName();
            var pod = deployment.getSpec().getTemplate().getSpec();
            if (pod.getServiceAccountName() != null && !accounts.contains(pod.getServiceAccountName())) {
                problems.add(where + ": ServiceAccount " + pod.getServiceAccountName() + " does not exist");
            }
            pod.getVolumes().forEach(volume -> {
                if (volume.getConfigMap() != null && !configMaps.contains(volume.getConfigMap().getName())) {
                    problems.add(where + ": ConfigMap " + volume.getConfigMap().getName() + " does not exist");
                }
                if (volume.getSecret() != null) {
                    List<String> keys = volume.getSecret().getItems() == null
                            ? List.of()
                            : volume.getSecret().getItems().stream().map(item -> item.getKey()).toList();
                    keys.forEach(key -> secretKey(where, volume.getSecret().getSecretName(), key, secrets, problems));
                    if (keys.isEmpty()) {
                        secretKey(where, volume.getSecret().getSecretName(), null, secrets, problems);
                    }
                }
            });
            for (Container container : pod.getContainers()) {
                container.getEnv().stream().filter(env -> env.getValueFrom() != null).forEach(env -> {
                    var secretRef = env.getValueFrom().getSecretKeyRef();
                    if (secretRef != null) {
                        secretKey(where, secretRef.getName(), secretRef.getKey(), secrets, problems);
                    }
                    var configRef = env.getValueFrom().getConfigMapKeyRef();
                    if (configRef != null && !configMaps.contains(configRef.getName())) {
                        problems.add(where + ": ConfigMap " + configRef.getName() + " does not exist");
                    }
                });
                probe(where, "startupProbe", container.getStartupProbe(), container, problems);
                probe(where, "readinessProbe", container.getReadinessProbe(), container, problems);
                probe(where, "livenessProbe", container.getLivenessProbe(), container, problems);
            }
        }

        Map<String, Service> services = of(all, Service.class).stream()
                .collect(Collectors.toMap(service -> service.getMetadata().getName(), service -> service));
        for (Service service : services.values()) {
            String where = "Service " + service.getMetadata().getName();
            List<Deployment> selected = deployments.stream()
                    .filter(d -> selects(service.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata()
                            .getLabels()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(where + ": its selector " + service.getSpec().getSelector() + " selects no Deployment");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                boolean served = selected.stream().flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers()
                        .stream()).anyMatch(container -> hasPort(container, port.getTargetPort()));
                if (!served) {
                    problems.add(where + ": targetPort " + port.getTargetPort().getValue()
                            + " is no port of the pods it selects");
                }
            }
        }
        Set<String> deploymentNames = names(deployments);
        for (HorizontalPodAutoscaler hpa : of(all, HorizontalPodAutoscaler.class)) {
            if (!deploymentNames.contains(hpa.getSpec().getScaleTargetRef().getName())) {
                problems.add("HorizontalPodAutoscaler " + hpa.getMetadata().getName() + ": Deployment "
                        + hpa.getSpec().getScaleTargetRef().getName() + " does not exist");
            }
        }
        for (PodDisruptionBudget pdb : of(all, PodDisruptionBudget.class)) {
            if (deployments.stream().noneMatch(d -> selects(pdb.getSpec().getSelector(),
                    d.getSpec().getTemplate().getMetadata().getLabels()))) {
                problems.add("PodDisruptionBudget " + pdb.getMetadata().getName() + " selects no Deployment");
            }
        }
        for (NetworkPolicy policy : of(all, NetworkPolicy.class)) {
            networkPolicy(policy, pods, deployments, problems);
        }
        envoyClusters(all, services, problems);
        return problems;
    }

    private static void secretKey(String where, String secret, String key, Map<String, List<String>> secrets,
            List<String> problems) {
        if (!secrets.containsKey(secret)) {
            problems.add(where + ": Secret " + secret + " is neither documented in required-secrets.yaml nor "
                    + "written by an operator");
        } else if (key != null && !secrets.get(secret).contains(key)) {
            problems.add(where + ": Secret " + secret + " has no key " + key + " (documented: " + secrets.get(secret)
                    + ")");
        }
    }

    private static void probe(String where, String kind, Probe probe, Container container, List<String> problems) {
        if (probe == null) {
            return;
        }
        IntOrString port = probe.getHttpGet() != null
                ? probe.getHttpGet().getPort()
                : probe.getTcpSocket() != null
                        ? probe.getTcpSocket().getPort()
                        : probe.getGrpc() != null ? new IntOrString(probe.getGrpc().getPort()) : null;
        if (port != null && !hasPort(container, port)) {
            problems.add(where + ": " + kind + " uses port " + port.getValue() + ", which container "
                    + container.getName() + " does not open");
        }
    }

    private static boolean hasPort(Container container, IntOrString port) {
        List<ContainerPort> ports = container.getPorts();
        return port.getStrVal() != null
                ? ports.stream().anyMatch(p -> port.getStrVal().equals(p.getName()))
                : ports.stream().anyMatch(p -> Objects.equals(p.getContainerPort(), port.getIntVal()));
    }

    private static void networkPolicy(NetworkPolicy policy, List<Map<String, String>> pods,
            List<Deployment> deployments, List<String> problems) {
        String where = "NetworkPolicy " + policy.getMetadata().getName();
        LabelSelector target = policy.getSpec().getPodSelector();
        if (!matchesAny(target, pods)) {
            problems.add(where + ": podSelector " + target.getMatchLabels() + " matches no pod of the deployment");
        }
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        policy.getSpec().getIngress().forEach(rule -> peers.addAll(rule.getFrom()));
        policy.getSpec().getEgress().forEach(rule -> peers.addAll(rule.getTo()));
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                    && !matchesAny(peer.getPodSelector(), pods)) {
                problems.add(where + ": peer " + peer.getPodSelector().getMatchLabels()
                        + " matches no pod of the deployment");
            }
        }
        // Ingress ports of a policy over the mesh's own pods must be ports those pods listen on.
        List<Container> containers = deployments.stream()
                .filter(d -> selects(target.getMatchLabels(), d.getSpec().getTemplate().getMetadata().getLabels()))
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()).toList();
        if (!containers.isEmpty() && target.getMatchLabels() != null && !target.getMatchLabels().isEmpty()) {
            policy.getSpec().getIngress().forEach(rule -> rule.getPorts().forEach(port -> {
                if (containers.stream().noneMatch(container -> hasPort(container, port.getPort()))) {
                    problems.add(where + ": ingress port " + port.getPort().getValue()
                            + " is no port of the pods it selects");
                }
            }));
        }
    }

    /** The labels of every pod the deployment runs: its Deployments' and the operators' pods. */
    private static List<Map<String, String>> podLabels(StrictParse.Parsed parsed, List<Deployment> deployments) {
        List<Map<String, String>> pods = new ArrayList<>();
        deployments.forEach(d -> pods.add(d.getSpec().getTemplate().getMetadata().getLabels()));
        of(parsed.objects(), Kafka.class).forEach(kafka -> pods.add(Map.of("strimzi.io/cluster",
                kafka.getMetadata().getName(), "strimzi.io/kind", "Kafka")));
        parsed.cnpg().stream().filter(object -> "Cluster".equals(object.get("kind")))
                .forEach(cluster -> pods.add(Map.of("cnpg.io/cluster", StrictParse.name(cluster))));
        return pods;
    }

    private static boolean matchesAny(LabelSelector selector, List<Map<String, String>> pods) {
        return selector == null || pods.stream().anyMatch(labels -> selects(selector.getMatchLabels(), labels));
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selects(selector.getMatchLabels(), labels);
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector == null || labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    @SuppressWarnings("unchecked")
    private static void envoyClusters(List<HasMetadata> all, Map<String, Service> services, List<String> problems) {
        for (ConfigMap config : of(all, ConfigMap.class)) {
            String envoy = config.getData() == null ? null : config.getData().get("envoy.yaml");
            if (envoy == null) {
                continue;
            }
            Map<String, Object> bootstrap = new Yaml(new SafeConstructor(new LoaderOptions())).load(envoy);
            List<Map<String, Object>> clusters = (List<Map<String, Object>>) ((Map<String, Object>) bootstrap
                    .get("static_resources")).get("clusters");
            for (Map<String, Object> cluster : clusters) {
                Map<String, Object> assignment = (Map<String, Object>) cluster.get("load_assignment");
                for (Map<String, Object> locality : (List<Map<String, Object>>) assignment.get("endpoints")) {
                    for (Map<String, Object> endpoint : (List<Map<String, Object>>) locality.get("lb_endpoints")) {
                        Map<String, Object> socket = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) endpoint
                                .get("endpoint")).get("address")).get("socket_address");
                        String host = String.valueOf(socket.get("address"));
                        Object port = socket.get("port_value");
                        Service service = services.get(host);
                        if (service == null || service.getSpec().getPorts().stream()
                                .noneMatch(p -> Objects.equals(p.getPort(), port))) {
                            problems.add("envoy.yaml cluster " + cluster.get("name") + ": " + host + ":" + port
                                    + " is no Service port of the deployment");
                        }
                    }
                }
            }
        }
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Set<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(object -> object.getMetadata().getName()).collect(Collectors.toSet());
    }
}
