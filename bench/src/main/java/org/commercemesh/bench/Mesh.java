package org.commercemesh.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * The running mesh the scenarios drive: a channel to each service (one HTTP/2 connection each,
 * as a client application holds) and, for checks the public API does not expose (was the stock
 * committed?) and for the SQL replay, the services' databases.
 */
public final class Mesh implements AutoCloseable {

    /** The mesh's services. */
    public enum Service {
        USER, CATALOG, CART, ORDER;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A service's database as JDBC reaches it; {@code name} is what pgbench connects to. */
    public record Database(String url, String name, String user, String password) {
    }

    private final Map<Service, ManagedChannel> channels = new EnumMap<>(Service.class);
    private final Map<Service, Database> databases;

    public Mesh(Map<Service, String> addresses, Map<Service, Database> databases) {
        addresses.forEach((service, address) -> channels.put(service, channel(address)));
        this.databases = databases;
    }

    public static ManagedChannel channel(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return NettyChannelBuilder.forAddress(hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1))).usePlaintext().build();
    }

    public ManagedChannel channel(Service service) {
        ManagedChannel channel = channels.get(service);
        if (channel == null) {
            throw new IllegalArgumentException("no address for " + service.key() + "-svc");
        }
        return channel;
    }

    public Database database(Service service) {
        Database database = databases.get(service);
        if (database == null) {
            throw new IllegalArgumentException("no database for " + service.key() + "-svc");
        }
        return database;
    }

    public Connection connect(Service service) throws SQLException {
        Database database = database(service);
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel channel : channels.values()) {
            channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
