package org.commercemesh.edge;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.commercemesh.edge.json.HttpBinding;
import org.commercemesh.edge.json.JsonApi;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.Status;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;

/**
 * A catalog-svc stand-in on the real contract (messages built from the descriptor set), with
 * behaviour the edge's tests can observe: it echoes what it received into the product it
 * returns, answers INVALID_ARGUMENT with BadRequest details, fails reads on demand with
 * UNAVAILABLE and counts every call per method.
 */
final class FakeCatalog {

    private final Vertx vertx;
    private final Map<String, MethodDescriptor> methods = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger unavailableAnswersLeft = new AtomicInteger();
    private HttpServer server;

    FakeCatalog(Vertx vertx, JsonApi api) {
        this.vertx = vertx;
        for (HttpBinding binding : api.bindings()) {
            methods.put(binding.grpcPath().substring(1), binding.method());
        }
    }

    int start() throws Exception {
        GrpcServer grpc = GrpcServer.server(vertx);
        grpc.callHandler(this::handle);
        server = vertx.createHttpServer(new HttpServerOptions().setPort(0).setHost("127.0.0.1"))
                .requestHandler(grpc).listen().toCompletionStage().toCompletableFuture().get();
        return server.actualPort();
    }

    int calls(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    /** The next {@code times} calls answer UNAVAILABLE before any message. */
    void failNext(int times) {
        unavailableAnswersLeft.set(times);
    }

    private void handle(GrpcServerRequest<Buffer, Buffer> request) {
        String name = request.fullMethodName();
        calls.computeIfAbsent(name.substring(name.indexOf('/') + 1), m -> new AtomicInteger()).incrementAndGet();
        MethodDescriptor method = methods.get(name);
        request.handler(payload -> {
            try {
                answer(request, method, DynamicMessage.parseFrom(method.getInputType(), payload.getBytes()));
            } catch (InvalidProtocolBufferException e) {
                request.response().status(GrpcStatus.INTERNAL).end();
            }
        });
    }

    private void answer(GrpcServerRequest<Buffer, Buffer> request, MethodDescriptor method, DynamicMessage input) {
        if (unavailableAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            request.response().status(GrpcStatus.UNAVAILABLE).statusMessage("restarting").end();
            return;
        }
        if (method.getName().equals("CreateProduct")) {
            // Never answers: the caller's deadline decides.
            return;
        }
        if (method.getName().equals("ListProducts") && (int) field(input, "page_size") > 100) {
            Status status = Status.newBuilder().setCode(3).setMessage("page_size: at most 100")
                    .addDetails(Any.pack(BadRequest.newBuilder()
                            .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                    .setField("page_size").setDescription("at most 100"))
                            .build()))
                    .build();
            request.response().trailers().set("grpc-status-details-bin",
                    Base64.getEncoder().withoutPadding().encodeToString(status.toByteArray()));
            request.response().status(GrpcStatus.INVALID_ARGUMENT).statusMessage("page_size: at most 100").end();
            return;
        }
        String echo = "auth=" + request.headers().get("authorization")
                + ";xff=" + request.headers().get("x-forwarded-for")
                + ";rid=" + request.headers().get("x-request-id")
                + ";tp=" + request.headers().get("traceparent")
                + ";input=" + TextFormat.printer().emittingSingleLine(true).printToString(input).trim();
        Descriptor output = method.getOutputType();
        FieldDescriptor first = output.getFields().get(0);
        Descriptor productType = first.getMessageType();
        DynamicMessage product = DynamicMessage.newBuilder(productType)
                .setField(productType.findFieldByName("id"), String.valueOf(field(input, "product_id", "")))
                .setField(productType.findFieldByName("slug"), String.valueOf(field(input, "slug", "")))
                .setField(productType.findFieldByName("name"), echo)
                .build();
        DynamicMessage.Builder reply = DynamicMessage.newBuilder(output);
        if (first.isRepeated()) {
            reply.addRepeatedField(first, product);
        } else {
            reply.setField(first, product);
        }
        request.response().end(Buffer.buffer(reply.build().toByteArray()));
    }

    private static Object field(DynamicMessage message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }

    private static Object field(DynamicMessage message, String name, Object fallback) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
        return field == null ? fallback : message.getField(field);
    }
}
