package org.commercemesh.catalog.inventory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.catalog.v1.AdjustStockRequest;
import org.commercemesh.catalog.v1.AdjustStockResponse;
import org.commercemesh.catalog.v1.CommitReservationRequest;
import org.commercemesh.catalog.v1.CommitReservationResponse;
import org.commercemesh.catalog.v1.GetStockRequest;
import org.commercemesh.catalog.v1.GetStockResponse;
import org.commercemesh.catalog.v1.ReleaseReservationRequest;
import org.commercemesh.catalog.v1.ReleaseReservationResponse;
import org.commercemesh.catalog.v1.ReserveStockRequest;
import org.commercemesh.catalog.v1.ReserveStockResponse;
import org.commercemesh.catalog.v1.StockLevel;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.auth.Scopes;
import org.commercemesh.platform.error.Violations;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * commerce.catalog.v1.InventoryService: internal, called by the mesh's services with their own
 * token (role {@code service}) and not routed by the edge; a customer's token is refused.
 * AdjustStock is the exception: admins and merchant feeds ({@code catalog:write}) correct stock.
 */
@GrpcService
public class InventoryGrpcService implements org.commercemesh.catalog.v1.InventoryService {

    private final InventoryService inventory;
    private final Caller caller;
    private final Duration defaultTtl;
    private final Duration maxTtl;

    public InventoryGrpcService(InventoryService inventory, Caller caller,
            @ConfigProperty(name = "commerce.inventory.default-reservation-ttl") Duration defaultTtl,
            @ConfigProperty(name = "commerce.inventory.max-reservation-ttl") Duration maxTtl) {
        this.inventory = inventory;
        this.caller = caller;
        this.defaultTtl = defaultTtl;
        this.maxTtl = maxTtl;
    }

    @Override
    @RolesAllowed(Roles.SERVICE)
    public Uni<ReserveStockResponse> reserveStock(ReserveStockRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations().requireUuid("order_id", request.getOrderId())
                    .range("lines", request.getLinesCount(), 1, 100);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.getLinesCount(); i++) {
                violations.requireUuid("lines[" + i + "].product_id", request.getLines(i).getProductId())
                        .range("lines[" + i + "].quantity", request.getLines(i).getQuantity(), 1, 10_000)
                        .check(seen.add(request.getLines(i).getProductId()), "lines[" + i + "].product_id",
                                "appears more than once");
            }
            Duration ttl = request.hasTtl()
                    ? Duration.ofSeconds(request.getTtl().getSeconds(), request.getTtl().getNanos())
                    : defaultTtl;
            violations.check(!ttl.isNegative() && !ttl.isZero() && ttl.compareTo(maxTtl) <= 0, "ttl",
                    "must be positive and at most " + maxTtl.toMinutes() + " minutes");
            violations.throwIfAny();
            return inventory.reserve(UUID.fromString(request.getOrderId()), request.getLinesList(), ttl);
        }).map(reservation -> ReserveStockResponse.newBuilder().setReservation(reservation).build());
    }

    @Override
    @RolesAllowed(Roles.SERVICE)
    public Uni<CommitReservationResponse> commitReservation(CommitReservationRequest request) {
        return Uni.createFrom().deferred(() -> inventory.commit(orderId(request.getOrderId())))
                .map(reservation -> CommitReservationResponse.newBuilder().setReservation(reservation).build());
    }

    @Override
    @RolesAllowed(Roles.SERVICE)
    public Uni<ReleaseReservationResponse> releaseReservation(ReleaseReservationRequest request) {
        return Uni.createFrom().deferred(() -> inventory.release(orderId(request.getOrderId())))
                .map(reservation -> ReleaseReservationResponse.newBuilder().setReservation(reservation).build());
    }

    @Override
    @RolesAllowed(Roles.SERVICE)
    public Uni<GetStockResponse> getStock(GetStockRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations().range("product_ids", request.getProductIdsCount(), 1, 100);
            for (int i = 0; i < request.getProductIdsCount(); i++) {
                violations.requireUuid("product_ids[" + i + "]", request.getProductIds(i));
            }
            violations.throwIfAny();
            List<UUID> ids = request.getProductIdsList().stream().distinct().map(UUID::fromString).toList();
            return inventory.levels(ids).map(levels -> {
                Set<String> found = new HashSet<>(levels.stream().map(StockLevel::getProductId).toList());
                return GetStockResponse.newBuilder().addAllLevels(levels)
                        .addAllMissingIds(ids.stream().map(UUID::toString).filter(id -> !found.contains(id)).toList())
                        .build();
            });
        });
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Scopes.CATALOG_WRITE })
    public Uni<AdjustStockResponse> adjustStock(AdjustStockRequest request) {
        return caller.current().chain(admin -> {
            new Violations().requireUuid("product_id", request.getProductId())
                    .check(request.getDelta() != 0, "delta", "must not be zero")
                    .range("delta", request.getDelta(), -1_000_000, 1_000_000)
                    .requireText("reason", request.getReason(), 1, 200)
                    .throwIfAny();
            return inventory.adjust(UUID.fromString(request.getProductId()), request.getDelta(),
                    request.getReason().strip(), admin.subject());
        }).map(level -> AdjustStockResponse.newBuilder().setLevel(level).build());
    }

    private static UUID orderId(String value) {
        new Violations().requireUuid("order_id", value).throwIfAny();
        return UUID.fromString(value);
    }
}
