package org.commercemesh.catalog.product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.v1.Product;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The product messages GetProduct, ListProducts and SearchProducts answer with, kept in process
 * (Caffeine) by product id. Whatever changes a product —
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

    /**
     * The products' messages in the order asked, those not kept loaded by {@code loadMissing} in
     * one go and kept; ids {@code loadMissing} does not return are left out.
     */
    Uni<List<Product>> getAll(List<UUID> ids, Function<List<UUID>, Uni<List<Product>>> loadMissing) {
        CaffeineCache caffeine = cache.as(CaffeineCache.class);
        Map<UUID, Product> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            CompletableFuture<Object> kept = caffeine.getIfPresent(id);
            if (kept != null && kept.isDone() && !kept.isCompletedExceptionally()) {
                found.put(id, (Product) kept.join());
            } else {
                missing.add(id);
            }
        }
        Uni<List<Product>> loaded = missing.isEmpty() ? Uni.createFrom().item(List.of()) : loadMissing.apply(missing);
        return loaded.map(fresh -> {
            for (Product product : fresh) {
                UUID id = UUID.fromString(product.getId());
                caffeine.put(id, CompletableFuture.completedFuture(product));
                found.put(id, product);
            }
            return ids.stream().map(found::get).filter(Objects::nonNull).toList();
        });
    }

    /** Forgets the products: their next read loads them again. */
    public Uni<Void> forget(Collection<UUID> ids) {
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(cache::invalidate).collect()
                .last()
                .replaceWithVoid();
    }
}
