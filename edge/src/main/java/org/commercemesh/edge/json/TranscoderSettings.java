package org.commercemesh.edge.json;

import java.nio.file.Path;
import java.util.List;

/** envoy.yaml's grpc_json_transcoder, as the edge applies it. */
public record TranscoderSettings(
        Path descriptorSet,
        List<String> services,
        JsonReplies.PrintOptions printOptions,
        boolean rejectUnknownMethod,
        boolean rejectUnknownQueryParameters) {
}
