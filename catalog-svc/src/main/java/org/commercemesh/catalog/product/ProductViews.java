package org.commercemesh.catalog.product;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.v1.Product;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * GetProduct's answers, kept in process (Caffeine) by product id. Whatever changes a product —
 * its fields, its categories, its stock or reservations — forgets it here in the changing
 * transaction, and every instance forgets it again when the catalog's own change event arrives
 * (ProductChangesConsumer), so a change made through another replica shows within milliseconds.
 * Entries also expire after a minute: a reservation that lapses changes availability without
 * an event. Sales never read this: reservations lock the product rows.
 */
@ApplicationScoped
public class ProductViews {

    static final String CACHE = "product-views";

    private final Cache cache;

    public ProductViews(@CacheName(CACHE) Cache cache) {
        this.cache = cache;
    }

    /** The product's message, from the cache or from {@code load}; a failed load is not kept. */
    Uni<Product> get(UUID id, Function<UUID, Uni<Product>> load) {
        return cache.getAsync(id, load);
    }

    /** Forgets the products: their next read loads them again. */
    public Uni<Void> forget(Collection<UUID> ids) {
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(cache::invalidate).collect()
                .last()
                .replaceWithVoid();
    }
}
