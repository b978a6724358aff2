package org.commercemesh.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The whole offline check of a rendered deployment: the strict parse, then the cross-references. */
final class Validation {

    private Validation() {
    }

    /** Throws ManifestProblems listing everything wrong with {@code rendered}. */
    static StrictParse.Parsed validate(String rendered) {
        StrictParse.Parsed parsed = StrictParse.parse(rendered);
        List<String> problems = CrossReferences.problems(parsed, requiredSecrets());
        if (!problems.isEmpty()) {
            throw new ManifestProblems(problems);
        }
        return parsed;
    }

    static Map<String, List<String>> requiredSecrets() {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(Manifests.ROOT.resolve("required-secrets.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
