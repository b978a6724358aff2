package org.commercemesh.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The deployment as Kubernetes would receive it. With kubectl on the path, an overlay rendered
 * by {@code kubectl kustomize}; without it, the base's own documents plus the edge's generated
 * ConfigMap, so that the strict parse and the cross-reference checks never depend on kubectl.
 */
final class Manifests {

    static final Path ROOT = Path.of(System.getProperty("k8s.root", "."));
    /** {@code -Dk8s.kubectl=…} names another kubectl, or one that is not there to try the fallback. */
    private static final String KUBECTL = System.getProperty("k8s.kubectl", "kubectl");

    private Manifests() {
    }

    static boolean kubectlPresent() {
        try {
            Process version = new ProcessBuilder(KUBECTL, "version", "--client").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException absent) {
            return false;
        }
    }

    /** {@code kubectl kustomize overlays/<name>}. */
    static String render(String overlay) {
        try {
            Process kustomize = new ProcessBuilder(KUBECTL, "kustomize", ROOT.resolve("overlays").resolve(overlay)
                    .toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kustomize.waitFor(60, TimeUnit.SECONDS) || kustomize.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize overlays/" + overlay + " failed");
            }
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The base's documents as written, and the edge-config ConfigMap kustomize would generate. */
    static String baseSources() {
        List<String> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("base"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().equals("kustomization.yaml"))
                    .filter(path -> !path.toString().contains("generated")).sorted().toList()) {
                documents.add(Files.readString(file));
            }
            Path generated = ROOT.resolve("base/edge/generated");
            String envoy = Files.readString(generated.resolve("envoy.yaml"));
            String descriptors = Base64.getEncoder()
                    .encodeToString(Files.readAllBytes(generated.resolve("commerce.pb")));
            documents.add("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: edge-config\ndata:\n  envoy.yaml: |\n"
                    + envoy.lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("")
                    + "\nbinaryData:\n  commerce.pb: " + descriptors + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join("\n---\n", documents);
    }
}
