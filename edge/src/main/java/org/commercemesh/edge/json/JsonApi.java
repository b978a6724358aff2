package org.commercemesh.edge.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.ErrorDetailsProto;

/**
 * The HTTP/JSON face of the transcoded services, built from the descriptor set the way Envoy's
 * grpc_json_transcoder builds it: every google.api.http binding (additional ones included) of
 * the services envoy.yaml lists. A listed service missing from the set, or a template Envoy
 * would refuse, stops the edge at start-up.
 */
public final class JsonApi {

    /** A request path and verb resolved to a binding, with the path variables it bound. */
    public record Match(HttpBinding binding, Map<String, String> variables) {
    }

    private final List<HttpBinding> bindings;
    private final JsonFormat.TypeRegistry types;

    private JsonApi(List<HttpBinding> bindings, JsonFormat.TypeRegistry types) {
        this.bindings = bindings;
        this.types = types;
    }

    public static JsonApi load(Path descriptorSet, List<String> services) throws IOException {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        AnnotationsProto.registerAllExtensions(registry);
        FileDescriptorSet set;
        try (InputStream in = Files.newInputStream(descriptorSet)) {
            set = FileDescriptorSet.parseFrom(in, registry);
        }
        Map<String, FileDescriptor> files = build(set);
        JsonFormat.TypeRegistry.Builder types = JsonFormat.TypeRegistry.newBuilder()
                .add(ErrorDetailsProto.getDescriptor().getMessageTypes());
        files.values().forEach(file -> types.add(file.getMessageTypes()));

        List<HttpBinding> bindings = new ArrayList<>();
        for (String serviceName : services) {
            ServiceDescriptor service = files.values().stream()
                    .map(file -> file.findServiceByName(simpleName(serviceName)))
                    .filter(s -> s != null && s.getFullName().equals(serviceName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "transcoder service " + serviceName + " is not in " + descriptorSet));
            // The service's own proto keeps the options as parsed, google.api.http included.
            for (MethodDescriptorProto method : service.toProto().getMethodList()) {
                HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
                MethodDescriptor descriptor = service.findMethodByName(method.getName());
                addRule(bindings, rule, descriptor);
                for (HttpRule additional : rule.getAdditionalBindingsList()) {
                    addRule(bindings, additional, descriptor);
                }
            }
        }
        return new JsonApi(List.copyOf(bindings), types.build());
    }

    /** The binding for this verb and path; when several match, the more literal one, as Envoy picks. */
    public Optional<Match> find(String httpMethod, String path) {
        Match best = null;
        for (HttpBinding binding : bindings) {
            if (!binding.httpMethod().equals(httpMethod)) {
                continue;
            }
            Optional<Map<String, String>> variables = binding.template().match(path);
            if (variables.isPresent()
                    && (best == null || binding.template().specificity(best.binding().template()) > 0)) {
                best = new Match(binding, variables.get());
            }
        }
        return Optional.ofNullable(best);
    }

    public List<HttpBinding> bindings() {
        return bindings;
    }

    public JsonFormat.TypeRegistry types() {
        return types;
    }

    private static void addRule(List<HttpBinding> bindings, HttpRule rule,
            MethodDescriptor method) {
        String verb;
        String template;
        switch (rule.getPatternCase()) {
            case GET -> {
                verb = "GET";
                template = rule.getGet();
            }
            case POST -> {
                verb = "POST";
                template = rule.getPost();
            }
            case PUT -> {
                verb = "PUT";
                template = rule.getPut();
            }
            case PATCH -> {
                verb = "PATCH";
                template = rule.getPatch();
            }
            case DELETE -> {
                verb = "DELETE";
                template = rule.getDelete();
            }
            case CUSTOM -> {
                verb = rule.getCustom().getKind();
                template = rule.getCustom().getPath();
            }
            default -> {
                return;
            }
        }
        bindings.add(
                new HttpBinding(verb, PathTemplate.parse(template), rule.getBody(), rule.getResponseBody(), method));
    }

    private static Map<String, FileDescriptor> build(FileDescriptorSet set) {
        Map<String, FileDescriptorProto> protos = new HashMap<>();
        set.getFileList().forEach(file -> protos.put(file.getName(), file));
        Map<String, FileDescriptor> built = new HashMap<>();
        for (FileDescriptorProto file : set.getFileList()) {
            build(file, protos, built);
        }
        return built;
    }

    private static FileDescriptor build(FileDescriptorProto file, Map<String, FileDescriptorProto> protos,
            Map<String, FileDescriptor> built) {
        FileDescriptor done = built.get(file.getName());
        if (done != null) {
            return done;
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : file.getDependencyList()) {
            FileDescriptorProto proto = protos.get(dependency);
            if (proto == null) {
                throw new IllegalArgumentException(
                        "the descriptor set lacks " + dependency + ", imported by " + file.getName());
            }
            dependencies.add(build(proto, protos, built));
        }
        try {
            FileDescriptor descriptor = FileDescriptor.buildFrom(file, dependencies.toArray(FileDescriptor[]::new));
            built.put(file.getName(), descriptor);
            return descriptor;
        } catch (DescriptorValidationException e) {
            throw new IllegalArgumentException("invalid descriptor " + file.getName() + ": " + e.getMessage(), e);
        }
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}
