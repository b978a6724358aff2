package org.commercemesh.edge.log;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * Envoy's stdout access log: one JSON line per request in the fields envoy.yaml names, and the
 * registry that lets the gRPC and JSON handlers, which only see the request id, fill in the
 * upstream and the gRPC status.
 */
public final class AccessLog {

    private final AccessLogFormat format;
    private final PrintStream out;
    private final Map<String, Exchange> open = new ConcurrentHashMap<>();

    public AccessLog(AccessLogFormat format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    public void opened(Exchange exchange) {
        open.put(exchange.requestId(), exchange);
    }

    /** The exchange of a request id the edge assigned, or a detached one if it is gone. */
    public Exchange find(String requestId) {
        Exchange exchange = requestId == null ? null : open.get(requestId);
        return exchange != null
                ? exchange
                : new Exchange(String.valueOf(requestId), "", "", "", MultiMap.caseInsensitiveMultiMap());
    }

    public void closed(Exchange exchange, int responseCode) {
        if (open.remove(exchange.requestId()) == null || format == null) {
            return;
        }
        JsonObject line = new JsonObject();
        format.fields().forEach((field, operator) -> line.put(field, value(operator, exchange, responseCode)));
        out.println(line.encode());
    }

    private static String value(AccessLogFormat.Operator operator, Exchange exchange, int responseCode) {
        String value;
        if (operator instanceof AccessLogFormat.RequestHeader header) {
            String first = exchange.header(header.header());
            value = first != null || header.fallback() == null ? first : exchange.header(header.fallback());
        } else {
            value = switch (((AccessLogFormat.Simple) operator).name()) {
                case "%START_TIME%" -> exchange.start().toString();
                case "%DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT%" -> exchange.clientAddress();
                case "%RESPONSE_CODE%" -> String.valueOf(responseCode);
                case "%GRPC_STATUS%" ->
                    exchange.grpcStatus() == null ? null : GrpcStatusNames.name(exchange.grpcStatus());
                case "%UPSTREAM_CLUSTER%" -> exchange.upstreamCluster();
                case "%DURATION%" -> String.valueOf(exchange.elapsedMillis());
                default -> throw new IllegalStateException(operator.toString());
            };
        }
        // Envoy prints "-" for a value it does not have.
        return value == null ? "-" : value;
    }
}
