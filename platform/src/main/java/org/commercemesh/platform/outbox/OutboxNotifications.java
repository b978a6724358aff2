package org.commercemesh.platform.outbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Listens on the database channel that outbox_event's trigger notifies (V0_3) and passes each
 * notification to the relay over the event bus, so an event leaves within milliseconds of its
 * commit instead of at the next poll. A lost connection is re-opened every second; what is
 * committed meanwhile waits for the poll.
 */
@ApplicationScoped
public class OutboxNotifications {

    /** The event-bus address the relay consumes. */
    static final String COMMITTED = "commerce.outbox.committed";
    private static final String CHANNEL = "outbox_event";
    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;

    public OutboxNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    void listen(@Observes StartupEvent started) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(payload -> vertx.eventBus().send(COMMITTED, ""));
        subscriber.connect().subscribe().with(connected -> LOG.debugf("listening on %s", CHANNEL),
                failure -> LOG.warnf("not listening on %s, the relay polls: %s", CHANNEL, failure.toString()));
    }

    void close(@Observes ShutdownEvent stopping) {
        if (subscriber != null) {
            subscriber.close().subscribe().with(closed -> {
            }, failure -> {
            });
        }
    }
}
