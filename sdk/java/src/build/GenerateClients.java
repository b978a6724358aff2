import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.api.AnnotationsProto;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.ExtensionRegistry;

/**
 * Writes the SDK's typed clients from proto/'s descriptor set, so the SDK can never drift from
 * the contracts: one class per service with one method per RPC that external clients may call
 * (those with a google.api.http mapping; internal RPCs have none), its Javadoc taken from the
 * proto comments, and GeneratedClients holding one of each.
 *
 * java -cp <protobuf-java, proto-google-common-protos> GenerateClients.java commerce.pb OUTPUT_DIR
 */
public class GenerateClients {

    private static final String SDK = "org.commercemesh.sdk";

    record Service(String packageName, String className, String grpcClass, String protoName, String doc,
            List<String> methods) {
    }

    public static void main(String[] args) throws IOException {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        AnnotationsProto.registerAllExtensions(registry);
        FileDescriptorSet set;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            set = FileDescriptorSet.parseFrom(in, registry);
        }
        Path out = Path.of(args[1]);
        Map<String, String> javaTypes = new HashMap<>();
        for (FileDescriptorProto file : set.getFileList()) {
            String javaPackage = file.getOptions().hasJavaPackage()
                    ? file.getOptions().getJavaPackage()
                    : file.getPackage();
            for (DescriptorProto message : file.getMessageTypeList()) {
                javaTypes.put("." + file.getPackage() + "." + message.getName(), javaPackage + "." + message.getName());
            }
        }
        List<Service> services = new ArrayList<>();
        for (FileDescriptorProto file : set.getFileList()) {
            if (!file.getPackage().startsWith("commerce.")) {
                continue;
            }
            String domain = file.getPackage().split("\\.")[1];
            String javaPackage = file.getOptions().getJavaPackage();
            for (int s = 0; s < file.getServiceCount(); s++) {
                ServiceDescriptorProto service = file.getService(s);
                StringBuilder body = new StringBuilder();
                List<String> external = new ArrayList<>();
                for (int m = 0; m < service.getMethodCount(); m++) {
                    MethodDescriptorProto method = service.getMethod(m);
                    if (!method.getOptions().hasExtension(AnnotationsProto.http)) {
                        continue;
                    }
                    external.add(file.getPackage() + "." + service.getName() + "/" + method.getName());
                    String name = Character.toLowerCase(method.getName().charAt(0)) + method.getName().substring(1);
                    body.append(javadoc(comment(file, 6, s, 2, m), "    "))
                            .append("    public ").append(javaTypes.get(method.getOutputType())).append(' ')
                            .append(name)
                            .append('(').append(javaTypes.get(method.getInputType())).append(" request) {\n")
                            .append("        return calls.unary(").append(javaPackage).append('.')
                            .append(service.getName())
                            .append("Grpc.get").append(method.getName()).append("Method(), request);\n    }\n\n");
                }
                if (external.isEmpty()) {
                    continue;
                }
                String packageName = SDK + "." + domain;
                String className = service.getName() + "Client";
                services.add(new Service(packageName, className, javaPackage + "." + service.getName() + "Grpc",
                        file.getPackage() + "." + service.getName(), comment(file, 6, s), external));
                String source = "package " + packageName + ";\n\n"
                        + "import " + SDK + ".UnaryCalls;\n\n"
                        + javadoc(comment(file, 6, s) + "\n\nGenerated from " + file.getName() + ": do not edit.", "")
                        + "public final class " + className + " {\n\n"
                        + "    private final UnaryCalls calls;\n\n"
                        + "    public " + className + "(UnaryCalls calls) {\n        this.calls = calls;\n    }\n\n"
                        + body.toString().stripTrailing() + "\n}\n";
                write(out, packageName, className, source);
            }
        }
        write(out, SDK, "GeneratedClients", generatedClients(services));
    }

    private static String generatedClients(List<Service> services) {
        StringBuilder fields = new StringBuilder();
        StringBuilder init = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (Service service : services) {
            String field = Character.toLowerCase(service.className().charAt(0))
                    + service.className().substring(1, service.className().length() - "Client".length());
            String type = service.packageName() + "." + service.className();
            fields.append("    private final ").append(type).append(' ').append(field).append(";\n");
            init.append("        this.").append(field).append(" = new ").append(type).append("(calls);\n");
            accessors.append(javadoc(service.doc(), "    "))
                    .append("    public ").append(type).append(' ').append(field).append("() {\n        return ")
                    .append(field).append(";\n    }\n\n");
            service.methods().forEach(m -> methods.append("            \"").append(m).append("\",\n"));
        }
        return "package " + SDK + ";\n\nimport java.util.List;\n\n"
                + "/** One client per external service of the mesh. Generated from commerce.pb: do not edit. */\n"
                + "public abstract class GeneratedClients {\n\n"
                + "    /** Every RPC external clients may call, as {@code package.Service/Method}. */\n"
                + "    public static final List<String> METHODS = List.of(\n"
                + methods.toString().replaceAll(",\n$", ");\n\n")
                + fields + "\n"
                + "    protected GeneratedClients(UnaryCalls calls) {\n" + init + "    }\n\n"
                + accessors.toString().stripTrailing() + "\n}\n";
    }

    private static String comment(FileDescriptorProto file, int... path) {
        for (SourceCodeInfo.Location location : file.getSourceCodeInfo().getLocationList()) {
            if (location.getPathList().equals(Arrays.stream(path).boxed().toList())) {
                return location.getLeadingComments().strip();
            }
        }
        return "";
    }

    private static String javadoc(String text, String indent) {
        if (text.isBlank()) {
            return "";
        }
        StringBuilder doc = new StringBuilder(indent).append("/**\n");
        for (String line : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").split("\n")) {
            doc.append(indent).append(" * ").append(line.strip()).append('\n');
        }
        return doc.append(indent).append(" */\n").toString().replace(" * \n", " *\n");
    }

    private static void write(Path out, String packageName, String className, String source) throws IOException {
        Path file = out.resolve(packageName.replace('.', '/')).resolve(className + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }
}
