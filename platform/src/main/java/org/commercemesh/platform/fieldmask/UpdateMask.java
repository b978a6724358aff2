package org.commercemesh.platform.fieldmask;

import java.util.LinkedHashSet;
import java.util.Set;

import org.commercemesh.platform.error.Violations;

import com.google.protobuf.FieldMask;

/**
 * The paths of an AIP-134 update mask, checked against what a resource allows to change. An
 * empty mask, or a path that is unknown or output-only, is a violation of {@code update_mask};
 * nothing is updated implicitly.
 */
public record UpdateMask(Set<String> paths) {

    public static UpdateMask of(boolean present, FieldMask mask, Set<String> updatable, Violations violations) {
        Set<String> paths = new LinkedHashSet<>(present ? mask.getPathsList() : java.util.List.of());
        if (paths.isEmpty()) {
            violations.add("update_mask", "is required and names the fields to change");
        }
        for (String path : paths) {
            violations.check(updatable.contains(path), "update_mask",
                    "'" + path + "' is unknown or cannot be updated; updatable: " + String.join(", ", updatable));
        }
        paths.retainAll(updatable);
        return new UpdateMask(Set.copyOf(paths));
    }

    public boolean has(String path) {
        return paths.contains(path);
    }
}
