package org.commercemesh.order.shipping;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ShippingQuoteRepository implements PanacheRepositoryBase<ShippingQuote, UUID> {
}
