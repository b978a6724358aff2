package org.commercemesh.cart.shopping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.NotFoundException;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Cart lines, always within one cart: a line id from another cart is simply not found. */
@ApplicationScoped
public class CartLineRepository implements PanacheRepositoryBase<CartLine, UUID> {

    /** Oldest first, the order the buyer added them. */
    public Uni<List<CartLine>> linesOf(UUID cartId) {
        return list("cartId = ?1 order by addedAt, id", cartId);
    }

    public Uni<CartLine> getIn(UUID cartId, UUID lineId) {
        return find("id = ?1 and cartId = ?2", lineId, cartId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("cart item", lineId));
    }

    /** Takes {@code quantity} units out of a line, deleting it when nothing would be left. */
    public Uni<Void> takeOut(UUID cartId, UUID lineId, int quantity, Instant now) {
        return delete("id = ?1 and cartId = ?2 and quantity <= ?3", lineId, cartId, quantity)
                .chain(() -> update("quantity = quantity - ?1, updatedAt = ?2 where id = ?3 and cartId = ?4",
                        quantity, now, lineId, cartId))
                .replaceWithVoid();
    }

    public Uni<Long> countIn(UUID cartId) {
        return count("cartId", cartId);
    }

    public Uni<Long> deleteAllIn(UUID cartId) {
        return delete("cartId", cartId);
    }
}
