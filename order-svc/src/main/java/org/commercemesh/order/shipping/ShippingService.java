package org.commercemesh.order.shipping;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.v1.CartItem;
import org.commercemesh.order.mesh.MeshClients;
import org.commercemesh.order.v1.AddressSnapshot;
import org.commercemesh.platform.auth.AuthenticatedCaller;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.user.v1.Address;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Shipping rates and shipments. A quote prices the buyer's cart as one parcel to one of their
 * addresses with the configured provider and keeps each rate for 30 minutes; PlaceOrder accepts a
 * rate only for the buyer and address it was quoted for. When the order ships, the provider
 * buys the rate and the carrier's tracking number is the order's.
 */
@ApplicationScoped
public class ShippingService {

    static final Duration QUOTE_TTL = Duration.ofMinutes(30);
    private static final String UNUSABLE = "is unknown, expired, someone else's or for another address; quote again";

    private final MeshClients mesh;
    private final ShippingProvider provider;
    private final ShippingQuoteRepository quotes;
    private final String currency;
    private final BigDecimal freeShippingThreshold;

    public ShippingService(MeshClients mesh, ShippingProvider provider, ShippingQuoteRepository quotes,
            @ConfigProperty(name = "commerce.checkout.currency") String currency,
            @ConfigProperty(name = "commerce.checkout.free-shipping-threshold") BigDecimal freeShippingThreshold) {
        this.freeShippingThreshold = freeShippingThreshold;
        this.mesh = mesh;
        this.provider = provider;
        this.quotes = quotes;
        this.currency = currency;
    }

    /** QuoteShipping: the provider's rates for the cart to the address (the default one when null), cheapest first. */
    public Uni<List<ShippingQuote>> quote(AuthenticatedCaller buyer, UUID addressId) {
        String token = buyer.accessToken();
        Uni<Address> address = addressId == null ? mesh.defaultAddress(token) : mesh.address(addressId, token);
        return mesh.cart(token).chain(cart -> {
            if (cart.getItemsCount() == 0) {
                throw new FailedPreconditionException("EMPTY_CART", "the cart is empty");
            }
            List<CartItem> items = cart.getItemsList();
            return mesh.products(items.stream().map(item -> UUID.fromString(item.getProductId())).toList())
                    .chain(products -> address.chain(to -> {
                        if (to == null) {
                            throw new FailedPreconditionException("NO_SHIPPING_ADDRESS",
                                    "add an address or name one to ship to");
                        }
                        List<CartItem> priced = items.stream()
                                .filter(item -> products.containsKey(UUID.fromString(item.getProductId()))).toList();
                        Parcel parcel = Parcel.of(priced, products);
                        BigDecimal subtotal = priced.stream().map(item -> Amount.fromProto(products
                                .get(UUID.fromString(item.getProductId())).getEffectivePrice())
                                .times(item.getQuantity()).value()).reduce(BigDecimal.ZERO, BigDecimal::add);
                        AddressSnapshot destination = Destinations.of(to);
                        return provider.quote(parcel, destination, currency)
                                .map(offers -> freeAboveThreshold(offers, subtotal))
                                .chain(offers -> keep(buyer.userId(), UUID.fromString(to.getId()), destination,
                                        parcel, offers));
                    }));
        });
    }

    /**
     * The quote PlaceOrder was given, checked against the buyer and the address the order ships
     * to; INVALID_ARGUMENT on {@code shipping_rate_id} when it may not be used.
     */
    public Uni<ShippingQuote> accepted(UUID userId, String rateId, UUID shippingAddressId) {
        UUID id = Ids.parseOrNull(rateId);
        if (id == null) {
            return Uni.createFrom().failure(InvalidArgumentException.of("shipping_rate_id", UNUSABLE));
        }
        return Panache.withSession(() -> quotes.findById(id)).map(quote -> {
            if (quote == null || !quote.userId.equals(userId) || !quote.addressId.equals(shippingAddressId)
                    || !quote.expiresAt.isAfter(Instant.now())) {
                throw InvalidArgumentException.of("shipping_rate_id", UNUSABLE);
            }
            return quote;
        });
    }

    /** Ships an order placed with {@code quoteId}: the provider buys the rate; returns the tracking number. */
    public Uni<String> ship(UUID quoteId, UUID orderId) {
        return Panache.withSession(() -> quotes.findById(quoteId)).chain(quote -> {
            if (!quote.provider.equals(provider.name())) {
                throw new FailedPreconditionException("SHIPPING_PROVIDER_CHANGED", "the order was quoted by "
                        + quote.provider + ", which is no longer configured; give the tracking number yourself");
            }
            return provider.ship(quote.reference, orderId, quote.parcel(), Destinations.parse(quote.destination));
        });
    }

    /**
     * The shop's promise of free delivery above its threshold holds for quoted rates too: the
     * cheapest one is free then, as the flat fee would be.
     */
    private List<ShippingProvider.Offer> freeAboveThreshold(List<ShippingProvider.Offer> offers, BigDecimal subtotal) {
        if (offers.isEmpty() || subtotal.compareTo(freeShippingThreshold) < 0) {
            return offers;
        }
        ShippingProvider.Offer cheapest = offers.stream()
                .min(Comparator.comparing((ShippingProvider.Offer offer) -> offer.amount().value())).orElseThrow();
        return offers.stream().map(offer -> offer != cheapest
                ? offer
                : new ShippingProvider.Offer(offer.reference(), offer.carrier(), offer.service(),
                        Amount.zero(offer.amount().currency()), offer.estimatedDays()))
                .toList();
    }

    private Uni<List<ShippingQuote>> keep(UUID userId, UUID addressId, AddressSnapshot destination, Parcel parcel,
            List<ShippingProvider.Offer> offers) {
        Instant now = Instant.now();
        List<ShippingQuote> kept = offers.stream().map(offer -> {
            ShippingQuote quote = new ShippingQuote();
            quote.id = Ids.newId();
            quote.userId = userId;
            quote.addressId = addressId;
            quote.destination = Destinations.json(destination);
            quote.provider = provider.name();
            quote.reference = offer.reference();
            quote.carrier = offer.carrier();
            quote.service = offer.service();
            quote.amount = offer.amount().value();
            quote.currency = offer.amount().currency();
            quote.estimatedDays = offer.estimatedDays();
            quote.weightGrams = parcel.weightGrams();
            quote.volumeCubicMm = parcel.volumeCubicMm();
            quote.createdAt = now;
            quote.expiresAt = now.plus(QUOTE_TTL);
            return quote;
        }).toList();
        return Panache.withTransaction(() -> quotes.persist(kept)).replaceWith(kept);
    }

    /** A quote's chargeable weight, as shown with the rate. */
    public static int chargeableGrams(ShippingQuote quote) {
        return quote.parcel().chargeableGrams();
    }
}
