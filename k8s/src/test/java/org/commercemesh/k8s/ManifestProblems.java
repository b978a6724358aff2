package org.commercemesh.k8s;

import java.util.List;

/** What is wrong with a deployment, one line a problem. */
final class ManifestProblems extends RuntimeException {

    private final List<String> problems;

    ManifestProblems(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
