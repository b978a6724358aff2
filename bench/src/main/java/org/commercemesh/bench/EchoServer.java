package org.commercemesh.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.GetProductResponse;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductServiceGrpc;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * The ceiling of one gRPC call on this machine: a bare grpc-java server that answers GetProduct
 * with the same product every time — no database, no security, no interceptors. It runs in a
 * JVM of its own, as the services do, so it does not share the load generator's.
 */
public final class EchoServer implements AutoCloseable {

    private static final String LISTENING = "echo listening on ";

    private final Process process;
    private final String address;

    private EchoServer(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    /** Starts the server in a JVM of its own and waits until it listens. */
    public static EchoServer start(Product product) throws IOException {
        Path file = Files.createTempFile("echo-product-", ".pb");
        file.toFile().deleteOnExit();
        Files.write(file, product.toByteArray());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), EchoServer.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(LISTENING)) {
                return new EchoServer(process, line.substring(LISTENING.length()));
            }
        }
        throw new IllegalStateException("the echo server exited before it listened");
    }

    public String address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The server's own JVM: {@code EchoServer <file holding the Product>}. */
    public static void main(String[] args) throws Exception {
        GetProductResponse answer = GetProductResponse.newBuilder()
                .setProduct(Product.parseFrom(Files.readAllBytes(Path.of(args[0])))).build();
        // directExecutor: answered on the transport's thread, grpc-java's fastest configuration.
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).directExecutor()
                .addService(new ProductServiceGrpc.ProductServiceImplBase() {
                    @Override
                    public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> response) {
                        response.onNext(answer);
                        response.onCompleted();
                    }
                })
                .build()
                .start();
        System.out.println(LISTENING + "127.0.0.1:" + server.getPort());
        server.awaitTermination();
    }
}
