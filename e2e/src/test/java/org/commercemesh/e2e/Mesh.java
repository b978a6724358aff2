package org.commercemesh.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.commercemesh.testing.auth.TestJwtKeys;
import org.commercemesh.testing.kafka.TestKafkaBroker;
import org.commercemesh.testing.mail.SmtpServerResource;
import org.commercemesh.testing.postgres.PostgresDatabaseResource;
import org.commercemesh.testing.shipping.CarrierApi;
import org.commercemesh.testing.shipping.CarrierApiResource;
import org.commercemesh.testing.sms.TwilioApi;
import org.commercemesh.testing.sms.TwilioApiResource;
import org.commercemesh.user.v1.AuthServiceGrpc;
import org.commercemesh.user.v1.IssueClientTokenRequest;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/**
 * The four packaged services ({@code <service>/target/quarkus-app}) running as their own JVMs,
 * each on a fresh database, against a real Kafka broker and SMTP server in this JVM: started
 * once for the whole suite, stopped when the JVM exits. Logs go to {@code e2e/target/mesh-logs}.
 */
final class Mesh {

    private static Mesh running;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private int edgePort;
    private final Map<String, ManagedChannel> channels = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> databases = new HashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final List<PostgresDatabaseResource> resources = new ArrayList<>();
    private final SmtpServerResource smtp = new SmtpServerResource();
    private final TwilioApi sms = new TwilioApi(TwilioApiResource.ACCOUNT_SID, TwilioApiResource.AUTH_TOKEN);
    private final CarrierApi carrier = new CarrierApi(CarrierApiResource.API_KEY);
    private final SpanCollector spans = new SpanCollector();
    private final Map<String, String> serviceSecrets = new HashMap<>();
    private final Map<String, String> serviceTokens = new java.util.concurrent.ConcurrentHashMap<>();

    static synchronized Mesh get() {
        if (running == null) {
            running = new Mesh();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "e2e-mesh-stop"));
            running.start();
        }
        return running;
    }

    ManagedChannel channel(String service) {
        return channels.computeIfAbsent(service, name -> ManagedChannelBuilder
                .forAddress("127.0.0.1", ports.get(name)).usePlaintext().build());
    }

    /**
     * A token of one of the mesh's own services, through the real client-credentials exchange
     * with user-svc; kept for the run, which is shorter than the token's 15 minutes.
     */
    String serviceToken(String service) {
        return serviceTokens.computeIfAbsent(service, name -> AuthServiceGrpc.newBlockingStub(channel("user-svc"))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .issueClientToken(IssueClientTokenRequest.newBuilder().setClientId(name)
                        .setClientSecret(serviceSecrets.get(name)).build())
                .getAccessToken());
    }

    /** Where the services send their spans, as they send them to Zipkin under dev/mesh. */
    SpanCollector spans() {
        return spans;
    }

    /** What a service has logged so far ({@code e2e/target/mesh-logs}). */
    String log(String service) throws IOException {
        return Files.readString(logs().resolve(service + ".log"));
    }

    private static Path logs() {
        return Path.of(System.getProperty("commerce.repository.root", "..")).resolve("e2e/target/mesh-logs");
    }

    /** The front door (edge/, driven by envoy/envoy.yaml) in front of the four services. */
    URI edge() {
        return URI.create("http://127.0.0.1:" + edgePort);
    }

    int edgePort() {
        return edgePort;
    }

    String kafkaBootstrapServers() {
        return TestKafkaBroker.bootstrapServers();
    }

    /** host:port of a service's gRPC (and HTTP) port. */
    String address(String service) {
        return "127.0.0.1:" + ports.get(service);
    }

    /** A service's database as its configuration names it: JDBC URL, user and password. */
    Map<String, String> databaseConfig(String service) {
        return Map.copyOf(databases.get(service));
    }

    /** JDBC connection to a service's database, for checks the public API does not expose. */
    Connection database(String service) throws java.sql.SQLException {
        Map<String, String> config = databases.get(service);
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    private void start() {
        Path root = Path.of(System.getProperty("commerce.repository.root", ".."));
        Path logs = logs();
        Map<String, String> smtpConfig = smtp.start();
        String kafka = TestKafkaBroker.bootstrapServers();
        for (String service : List.of("user-svc", "catalog-svc", "cart-svc", "order-svc")) {
            ports.put(service, freePort());
            PostgresDatabaseResource database = new PostgresDatabaseResource();
            databases.put(service, database.start());
            resources.add(database);
        }
        // The services that call internal RPCs sign in as themselves (design §6), the way
        // dev/mesh provisions them: user-svc learns their secrets, each service its own.
        serviceSecrets.putAll(Map.of("cart-svc", newSecret(), "order-svc", newSecret()));
        try {
            Files.createDirectories(logs);
            for (String service : ports.keySet()) {
                Map<String, String> env = new HashMap<>();
                Map<String, String> db = databases.get(service);
                env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
                env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.get("quarkus.datasource.reactive.url"));
                env.put("QUARKUS_DATASOURCE_JDBC_URL", db.get("quarkus.datasource.jdbc.url"));
                env.put("QUARKUS_DATASOURCE_USERNAME", db.get("quarkus.datasource.username"));
                env.put("QUARKUS_DATASOURCE_PASSWORD", db.get("quarkus.datasource.password"));
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
                env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestJwtKeys.mesh().publicKeyFile().toString());
                env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", TestJwtKeys.mesh().privateKeyFile().toString());
                env.put("COMMERCE_AUTH_BCRYPT_COST", "4");
                // Every shopper of the suite comes from this machine's one address.
                env.put("COMMERCE_AUTH_REGISTER_MAX_PER_CLIENT", "1000");
                env.put("COMMERCE_AUTH_LOGIN_MAX_FAILURES_PER_CLIENT", "1000");
                env.put("COMMERCE_AUTH_LINKS_MAX_PER_CLIENT", "1000");
                env.put("QUARKUS_MAILER_MOCK", "false");
                env.put("QUARKUS_MAILER_HOST", smtpConfig.get("quarkus.mailer.host"));
                env.put("QUARKUS_MAILER_PORT", smtpConfig.get("quarkus.mailer.port"));
                env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
                env.put("COMMERCE_SHIPPING_PROVIDER", "carrier");
                env.put("COMMERCE_SHIPPING_CARRIER_BASE_URL", carrier.baseUrl());
                env.put("COMMERCE_SHIPPING_CARRIER_API_KEY", CarrierApiResource.API_KEY);
                env.put("COMMERCE_SMS_PROVIDER", "twilio");
                env.put("COMMERCE_SMS_TWILIO_BASE_URL", sms.baseUrl());
                env.put("COMMERCE_SMS_TWILIO_ACCOUNT_SID", TwilioApiResource.ACCOUNT_SID);
                env.put("COMMERCE_SMS_TWILIO_AUTH_TOKEN", TwilioApiResource.AUTH_TOKEN);
                env.put("COMMERCE_SMS_TWILIO_FROM", TwilioApiResource.FROM);
                env.put("COMMERCE_AUTH_SERVICE_CLIENTS", serviceSecrets.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(",")));
                if (serviceSecrets.containsKey(service)) {
                    env.put("COMMERCE_SERVICE_CLIENT_SECRET", serviceSecrets.get(service));
                }
                env.put("COMMERCE_PAYMENT_PROVIDER", "sandbox");
                env.put("COMMERCE_TRACING_EXPORTER", "zipkin");
                env.put("COMMERCE_TRACING_ZIPKIN_ENDPOINT", spans.endpoint());
                env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
                for (String client : List.of("user", "catalog", "cart", "auth")) {
                    String target = client.equals("auth") ? "user-svc" : client + "-svc";
                    env.put("QUARKUS_GRPC_CLIENTS_" + client.toUpperCase() + "_HOST", "127.0.0.1");
                    env.put("QUARKUS_GRPC_CLIENTS_" + client.toUpperCase() + "_PORT",
                            String.valueOf(ports.get(target)));
                }
                List<String> command = new ArrayList<>(
                        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "@" + root.resolve("jvm/service.options")));
                if (!service.equals("order-svc")) {
                    // The consumers of order.events back off for less than production's 2 s, 10 s and 30 s,
                    // so a dead letter is reached within a test. A system property, since the channel's
                    // name has a dash no environment variable can carry unambiguously.
                    command.add("-Dmp.messaging.incoming.order-events.delayed-retry-topic.topics="
                            + service + ".order-events.retry_300," + service + ".order-events.retry_600");
                }
                command.addAll(
                        List.of("-jar", root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString()));
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(service + ".log").toFile());
                builder.environment().putAll(env);
                processes.add(builder.start());
            }
            for (String service : ports.keySet()) {
                awaitHealthy(service, logs);
            }
            startEdge(root, logs);
            loadDemoCatalog(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The edge as dev/mesh runs it: envoy.yaml itself, with this run's ports for the clusters,
     * serving the built storefront beside the API.
     */
    private void startEdge(Path root, Path logs) throws IOException {
        edgePort = freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + root.resolve("jvm/edge.options"), "-jar", root.resolve("edge/target/edge.jar").toString(),
                        "--config", root.resolve("envoy/envoy.yaml").toString(),
                        "--descriptor-set", root.resolve("proto/target/commerce.pb").toString(),
                        "--listen", "127.0.0.1:" + edgePort,
                        "--static", root.resolve("web/dist").toString()));
        ports.forEach((service, port) -> command.addAll(List.of("--cluster", service + "=127.0.0.1:" + port)));
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("edge.log").toFile()).start());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", edgePort)) {
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("the edge did not listen within 30 s; see " + logs.resolve("edge.log"));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void awaitHealthy(String service, Path logs) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        URI ready = URI.create("http://127.0.0.1:" + ports.get(service) + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(
                service + " was not healthy within 120 s; see " + logs.resolve(service + ".log"));
    }

    private void loadDemoCatalog(Path root) {
        try (Connection connection = database("catalog-svc")) {
            connection.createStatement().execute(Files.readString(root.resolve("catalog-svc/demo/demo-catalog.sql")));
        } catch (Exception e) {
            throw new IllegalStateException("loading the demo catalog failed", e);
        }
    }

    private void stop() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        resources.forEach(PostgresDatabaseResource::stop);
        smtp.stop();
        sms.close();
        carrier.close();
    }

    /** The carrier order-svc ships with: a local server speaking EasyPost's shipments API. */
    CarrierApi carrier() {
        return carrier;
    }

    /** The SMS gateway the services text through: a local server speaking Twilio's API. */
    TwilioApi sms() {
        return sms;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
