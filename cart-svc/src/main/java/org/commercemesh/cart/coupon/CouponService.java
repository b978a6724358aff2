package org.commercemesh.cart.coupon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.catalog.CatalogClient;
import org.commercemesh.cart.coupon.CouponPricing.Line;
import org.commercemesh.cart.coupon.CouponPricing.Outcome;
import org.commercemesh.cart.v1.Coupon;
import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.paging.PageRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Coupons: admin CRUD (audited), what a coupon is worth to a cart, and redemption at checkout.
 * A redemption locks the coupon's row, so its limits are checked and taken in one step however
 * many checkouts race for the last use; it is keyed by order id, so a retried checkout redeems
 * once. Cancelled orders give their use back; so do checkouts that never became an order.
 */
@ApplicationScoped
public class CouponService {

    static final Duration UNCONFIRMED_AFTER = Duration.ofMinutes(30);
    private static final Logger LOG = Logger.getLogger(CouponService.class);

    /** A coupon with the redemptions it holds. */
    public record Held(DiscountCoupon coupon, long redemptions) {
    }

    private final CouponRepository coupons;
    private final RedemptionRepository redemptions;
    private final AuditLog audit;
    private final CatalogClient catalog;
    private final String currency;

    public CouponService(CouponRepository coupons, RedemptionRepository redemptions, AuditLog audit,
            CatalogClient catalog, @ConfigProperty(name = "commerce.cart.currency") String currency) {
        this.catalog = catalog;
        this.coupons = coupons;
        this.redemptions = redemptions;
        this.audit = audit;
        this.currency = currency;
    }

    public Uni<Held> create(Coupon request) {
        UpdateMask everything = new UpdateMask(CouponRules.UPDATABLE);
        Violations violations = new Violations();
        CouponRules.validate(request, everything, true, violations);
        violations.check(CouponRules.sameCurrency(request, currency), "coupon.amount_off",
                "must be in the shop's currency, " + currency);
        violations.throwIfAny();
        Instant now = Instant.now();
        DiscountCoupon coupon = new DiscountCoupon();
        coupon.code = CouponRules.normalise(request.getCode());
        CouponRules.apply(request, everything, coupon, currency);
        coupon.active = true;
        coupon.createdAt = now;
        coupon.updatedAt = now;
        return Panache.withTransaction(() -> coupons.findById(coupon.code).chain(existing -> {
            if (existing != null) {
                throw new AlreadyExistsException("a coupon with code " + coupon.code + " already exists");
            }
            return coupons.persist(coupon).call(saved -> audit.record(new Change("coupon.create", "coupon",
                    saved.code, null, CouponMapper.toProto(saved, 0))));
        })).map(saved -> new Held(saved, 0));
    }

    public Uni<Held> update(Coupon request, UpdateMask mask) {
        Violations violations = new Violations();
        CouponRules.validate(request, mask, false, violations);
        violations.check(CouponRules.sameCurrency(request, currency), "coupon.amount_off",
                "must be in the shop's currency, " + currency);
        violations.throwIfAny();
        String code = CouponRules.normalise(request.getCode());
        return Panache.withTransaction(() -> coupons.lock(code)
                .onItem().ifNull().failWith(() -> new NotFoundException("coupon", code))
                .chain(coupon -> redemptions.held(code).chain(held -> {
                    Coupon before = CouponMapper.toProto(coupon, held);
                    CouponRules.apply(request, mask, coupon, currency);
                    coupon.updatedAt = Instant.now();
                    return audit.record(new Change("coupon.update", "coupon", code, before,
                            CouponMapper.toProto(coupon, held))).replaceWith(new Held(coupon, held));
                })));
    }

    @WithSession
    public Uni<Held> get(String code) {
        String normalised = CouponRules.normalise(code);
        return coupons.findById(normalised).onItem().ifNull()
                .failWith(() -> new NotFoundException("coupon", normalised))
                .chain(coupon -> redemptions.held(normalised).map(held -> new Held(coupon, held)));
    }

    @WithSession
    public Uni<List<Held>> list(PageRequest page) {
        return coupons.page(page).chain(found -> redemptions.heldOf(found.stream().map(coupon -> coupon.code).toList())
                .map(held -> found.stream().map(coupon -> new Held(coupon, held.getOrDefault(coupon.code, 0L)))
                        .toList()));
    }

    /** The live coupon of a code a buyer typed; NOT_FOUND when unknown or inactive. */
    @WithSession
    public Uni<DiscountCoupon> usable(String code) {
        String normalised = CouponRules.normalise(code);
        return coupons.findById(normalised).invoke(coupon -> {
            if (coupon == null || !coupon.active) {
                throw new NotFoundException("coupon", normalised);
            }
        });
    }

    /** What the coupon of {@code code} takes off these lines now; null when there is no such coupon. */
    @WithSession
    public Uni<Outcome> worth(String code, List<Line> lines) {
        return coupons.findById(code).map(coupon -> coupon == null
                ? null
                : CouponPricing.evaluate(coupon, lines, currency, Instant.now()));
    }

    /** An order line as RedeemCoupon gets it: the product and the line's total. */
    public record OrderLine(UUID productId, Amount total) {
    }

    /**
     * RedeemCoupon: the discount for the order, taken once; a refusal says why. The products'
     * categories come from the catalog, asked before the coupon is locked.
     */
    public Uni<Amount> redeem(UUID orderId, UUID userId, String code, List<OrderLine> ordered) {
        return catalog.products(ordered.stream().map(OrderLine::productId).toList()).chain(products -> redeemPriced(
                orderId, userId, code, ordered.stream().map(line -> new Line(line.productId(), line.total(),
                        CouponPricing.categoriesOf(products.get(line.productId())))).toList()));
    }

    private Uni<Amount> redeemPriced(UUID orderId, UUID userId, String code, List<Line> lines) {
        String normalised = CouponRules.normalise(code);
        return Panache.withTransaction(() -> coupons.lock(normalised).chain(coupon -> {
            if (coupon == null || !coupon.active) {
                throw new NotFoundException("coupon", normalised);
            }
            return redemptions.findById(orderId).chain(previous -> previous != null
                    ? Uni.createFrom().item(previous)
                    : take(coupon, orderId, userId, lines));
        })).map(redemption -> new Amount(redemption.discount, redemption.currency));
    }

    private Uni<CouponRedemption> take(DiscountCoupon coupon, UUID orderId, UUID userId, List<Line> lines) {
        Instant now = Instant.now();
        Outcome outcome = CouponPricing.evaluate(coupon, lines, lines.isEmpty()
                ? currency
                : lines.get(0).total().currency(), now);
        if (!outcome.applies()) {
            return Uni.createFrom().failure(refusal(outcome.problem()));
        }
        return redemptions.held(coupon.code).chain(held -> {
            if (coupon.maxRedemptions > 0 && held >= coupon.maxRedemptions) {
                throw refusal(CouponPricing.EXHAUSTED);
            }
            return redemptions.heldBy(coupon.code, userId);
        }).chain(mine -> {
            if (coupon.maxPerUser > 0 && mine >= coupon.maxPerUser) {
                throw refusal(CouponPricing.USER_LIMIT);
            }
            CouponRedemption redemption = new CouponRedemption();
            redemption.orderId = orderId;
            redemption.code = coupon.code;
            redemption.userId = userId;
            redemption.discount = outcome.discount().value();
            redemption.currency = outcome.discount().currency();
            redemption.status = RedemptionState.RESERVED;
            redemption.createdAt = now;
            redemption.updatedAt = now;
            return redemptions.persist(redemption);
        });
    }

    /** The order was paid: its use stays taken. Call inside a transaction. */
    public Uni<Void> confirm(UUID orderId) {
        return move(orderId, RedemptionState.CONFIRMED);
    }

    /** The order was cancelled: its use is free again. Call inside a transaction. */
    public Uni<Void> release(UUID orderId) {
        return move(orderId, RedemptionState.RELEASED);
    }

    /** Checkouts that took a use but never became a paid or cancelled order give it back. */
    @Scheduled(every = "5m", delayed = "1m")
    Uni<Void> releaseUnconfirmed() {
        return Panache.withTransaction(() -> redemptions.reservedBefore(Instant.now().minus(UNCONFIRMED_AFTER))
                .invoke(stale -> stale.forEach(redemption -> {
                    LOG.infof("Coupon %s: order %s never confirmed; its use is released", redemption.code,
                            redemption.orderId);
                    redemption.status = RedemptionState.RELEASED;
                    redemption.updatedAt = Instant.now();
                })).replaceWithVoid());
    }

    private Uni<Void> move(UUID orderId, RedemptionState to) {
        return redemptions.findById(orderId).invoke(redemption -> {
            if (redemption != null && redemption.status != RedemptionState.RELEASED) {
                redemption.status = to;
                redemption.updatedAt = Instant.now();
            }
        }).replaceWithVoid();
    }

    private static FailedPreconditionException refusal(String reason) {
        return new FailedPreconditionException(reason, switch (reason) {
            case CouponPricing.EXHAUSTED -> "the coupon has been used up";
            case CouponPricing.USER_LIMIT -> "you have used this coupon as often as it allows";
            case CouponPricing.EXPIRED -> "the coupon has expired";
            case CouponPricing.NOT_STARTED -> "the coupon is not valid yet";
            case CouponPricing.MINIMUM_NOT_MET -> "the order does not reach the coupon's minimum";
            default -> "the coupon does not apply to anything in this order";
        });
    }
}
