package org.commercemesh.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
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
 * with the same product every time, no database, no security, no interceptors.
 */
public final class EchoServer implements AutoCloseable {

    private final Server server;

    public EchoServer(Product product) throws IOException {
        GetProductResponse answer = GetProductResponse.newBuilder().setProduct(product).build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new ProductServiceGrpc.ProductServiceImplBase() {
                    @Override
                    public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> response) {
                        response.onNext(answer);
                        response.onCompleted();
                    }
                })
                .build()
                .start();
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
}
