package org.commercemesh.order;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.catalog.v1.BatchGetProductsRequest;
import org.commercemesh.catalog.v1.BatchGetProductsResponse;
import org.commercemesh.catalog.v1.MutinyInventoryServiceGrpc;
import org.commercemesh.catalog.v1.MutinyProductServiceGrpc;
import org.commercemesh.catalog.v1.Reservation;
import org.commercemesh.catalog.v1.ReservationStatus;
import org.commercemesh.catalog.v1.ReserveStockRequest;
import org.commercemesh.catalog.v1.ReserveStockResponse;
import org.commercemesh.catalog.v1.StockLine;
import org.commercemesh.platform.auth.Roles;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;

import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** Stands in for catalog-svc: products, and reservations that are all-or-nothing and idempotent per order. */
public final class FakeCatalogService {

    private FakeCatalogService() {
    }

    @GrpcService
    public static class Products extends MutinyProductServiceGrpc.ProductServiceImplBase {

        @Override
        @RolesAllowed(Roles.SERVICE)
        public Uni<BatchGetProductsResponse> batchGetProducts(BatchGetProductsRequest request) {
            BatchGetProductsResponse.Builder response = BatchGetProductsResponse.newBuilder();
            request.getProductIdsList().forEach(id -> {
                if (FakeMesh.PRODUCTS.containsKey(id)) {
                    response.addProducts(FakeMesh.PRODUCTS.get(id));
                } else {
                    response.addMissingIds(id);
                }
            });
            return Uni.createFrom().item(response.build());
        }
    }

    @GrpcService
    public static class Inventory extends MutinyInventoryServiceGrpc.InventoryServiceImplBase {

        private static final Map<String, Reservation> RESERVED = new ConcurrentHashMap<>();

        @Override
        @RolesAllowed(Roles.SERVICE)
        public synchronized Uni<ReserveStockResponse> reserveStock(ReserveStockRequest request) {
            Reservation existing = RESERVED.get(request.getOrderId());
            if (existing != null) {
                return Uni.createFrom().item(ReserveStockResponse.newBuilder().setReservation(existing).build());
            }
            boolean enough = request.getLinesList().stream()
                    .allMatch(line -> FakeMesh.STOCK.getOrDefault(line.getProductId(), 0) >= line.getQuantity());
            if (!enough) {
                return Uni.createFrom().failure(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.FAILED_PRECONDITION_VALUE).setMessage("not enough stock")
                        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("OUT_OF_STOCK").build())).build()));
            }
            for (StockLine line : request.getLinesList()) {
                FakeMesh.STOCK.merge(line.getProductId(), -line.getQuantity(), Integer::sum);
            }
            Reservation reservation = Reservation.newBuilder().setOrderId(request.getOrderId())
                    .addAllLines(request.getLinesList()).setStatus(ReservationStatus.RESERVATION_STATUS_ACTIVE).build();
            RESERVED.put(request.getOrderId(), reservation);
            return Uni.createFrom().item(ReserveStockResponse.newBuilder().setReservation(reservation).build());
        }
    }
}
