package org.commercemesh.catalog.product;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.v1.ProductChanged;
import org.commercemesh.catalog.v1.ProductDeleted;
import org.commercemesh.catalog.v1.StockChanged;
import org.commercemesh.platform.events.EventPayloads;
import org.commercemesh.platform.id.Ids;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * The catalog's own change events, heard by every instance (a consumer group of its own each):
 * each forgets the product views the event names. Forgetting twice does no harm, so this needs
 * no record of processed events; a record it cannot read is skipped (the entry expires anyway).
 */
@ApplicationScoped
public class ProductChangesConsumer {

    private static final Logger LOG = Logger.getLogger(ProductChangesConsumer.class);

    private final ProductViews views;

    public ProductChangesConsumer(ProductViews views) {
        this.views = views;
    }

    @Incoming("catalog-changes")
    public Uni<Void> consume(Message<byte[]> message) {
        UUID productId = null;
        try {
            productId = productOf(message);
        } catch (RuntimeException unreadable) {
            LOG.warnf("skipped a catalog change it could not read: %s", unreadable.toString());
        }
        Uni<Void> forgotten = productId == null ? Uni.createFrom().voidItem() : views.forget(List.of(productId));
        return forgotten.chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    @SuppressWarnings("unchecked")
    private static UUID productOf(Message<byte[]> message) {
        IncomingCloudEventMetadata<byte[]> event = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (event == null) {
            return null;
        }
        String id = null;
        if (EventPayloads.is(event, ProductChanged.getDescriptor())) {
            id = EventPayloads.parse(event, ProductChanged.parser()).getProductId();
        } else if (EventPayloads.is(event, ProductDeleted.getDescriptor())) {
            id = EventPayloads.parse(event, ProductDeleted.parser()).getProductId();
        } else if (EventPayloads.is(event, StockChanged.getDescriptor())) {
            id = EventPayloads.parse(event, StockChanged.parser()).getProductId();
        }
        return id == null ? null : Ids.parseOrNull(id);
    }
}
