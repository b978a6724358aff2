package org.commercemesh.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Every rendered object read into its typed model, refusing what Kubernetes or an operator
 * would silently drop or misread: unknown fields (the models keep them in an any-setter, which
 * is cleared here), a number given as a string, an unknown kind. CloudNativePG publishes no Java
 * model; its objects are checked against the shape of the fields this deployment uses.
 */
final class StrictParse {

    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    private static final ObjectMapper STRICT = strictMapper();

    private StrictParse() {
    }

    /** What was read: the typed objects, and CloudNativePG's as checked trees. */
    record Parsed(List<HasMetadata> objects, List<Map<String, Object>> cnpg) {
    }

    static Parsed parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<Map<String, Object>> cnpg = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Yaml reader = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object document : reader.loadAll(yaml)) {
            if (!(document instanceof Map<?, ?> tree)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) tree;
            String type = object.get("apiVersion") + "/" + object.get("kind");
            String where = type + " " + name(object);
            if (String.valueOf(object.get("apiVersion")).startsWith("postgresql.cnpg.io/")) {
                problems.addAll(CnpgShape.check(object).stream().map(problem -> where + ": " + problem).toList());
                cnpg.add(object);
                continue;
            }
            Class<? extends HasMetadata> model = MODELS.get(type);
            if (model == null) {
                problems.add(where + ": no model for this kind; add one before deploying it");
                continue;
            }
            try {
                objects.add(STRICT.convertValue(object, model));
            } catch (IllegalArgumentException refused) {
                problems.add(where + ": " + refused.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestProblems(problems);
        }
        return new Parsed(objects, cnpg);
    }

    static String name(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noAnySetter = new SimpleModule();
        noAnySetter.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noAnySetter)
                .build();
        for (LogicalType type : new LogicalType[]{ LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
