package org.commercemesh.bench.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.commercemesh.bench.Latency;
import org.commercemesh.bench.Mesh;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.bench.SqlReplay;

/**
 * What an order's events take: from PlaceOrder's CONFIRMED answer until cart-svc has converted
 * the cart (OrderConfirmed consumed) and catalog-svc has committed the stock — the outbox relay,
 * Kafka and both consumers. Watched in the two databases every millisecond.
 */
public final class EventPath extends Checkout {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ExecutorService watchers;
    private final ThreadLocal<Connection[]> connections = new ThreadLocal<>();

    public EventPath(Mesh mesh, int buyerCount) {
        super(mesh, buyerCount);
        this.watchers = Executors.newFixedThreadPool(buyerCount, runnable -> {
            Thread thread = new Thread(runnable, "event-path-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return "event-path";
    }

    @Override
    public CompletableFuture<?> call() {
        return withBuyer(buyer -> checkout(buyer).thenCompose(order -> {
            long answered = System.nanoTime();
            return CompletableFuture.supplyAsync(() -> {
                watch(UUID.fromString(order.getId()));
                return new Latency(System.nanoTime() - answered);
            }, watchers);
        }));
    }

    private void watch(UUID orderId) {
        long start = System.nanoTime();
        try {
            Connection[] both = connections();
            long deadline = start + PATIENCE.toNanos();
            while (!(exists(both[0], "select 1 from cart where converted_order_id = ?", orderId)
                    && exists(both[1], "select 1 from stock_reservation where order_id = ? and status = 'COMMITTED'",
                            orderId))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("order " + orderId + ": events not applied within " + PATIENCE);
                }
                TimeUnit.MILLISECONDS.sleep(1);
            }
        } catch (SQLException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private Connection[] connections() throws SQLException {
        Connection[] both = connections.get();
        if (both == null) {
            both = new Connection[]{ mesh().connect(Service.CART), mesh().connect(Service.CATALOG) };
            connections.set(both);
        }
        return both;
    }

    private static boolean exists(Connection connection, String sql, UUID orderId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Nothing to replay: the path's cost is waiting, not SQL. */
    @Override
    public Optional<SqlReplay> sqlReplay() {
        return Optional.empty();
    }
}
