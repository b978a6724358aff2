package org.commercemesh.order;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.order.checkout.CheckoutService;
import org.commercemesh.order.lifecycle.CustomerOrder;
import org.commercemesh.order.lifecycle.OrderMapper;
import org.commercemesh.order.lifecycle.OrderService;
import org.commercemesh.order.lifecycle.OrderState;
import org.commercemesh.order.lifecycle.OrderWithLines;
import org.commercemesh.order.shipping.ShippingMapper;
import org.commercemesh.order.shipping.ShippingService;
import org.commercemesh.order.v1.CancelOrderRequest;
import org.commercemesh.order.v1.CancelOrderResponse;
import org.commercemesh.order.v1.GetOrderRequest;
import org.commercemesh.order.v1.GetOrderResponse;
import org.commercemesh.order.v1.ListOrdersRequest;
import org.commercemesh.order.v1.ListOrdersResponse;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.order.v1.PlaceOrderResponse;
import org.commercemesh.order.v1.QuoteShippingRequest;
import org.commercemesh.order.v1.QuoteShippingResponse;
import org.commercemesh.order.v1.RefundOrderRequest;
import org.commercemesh.order.v1.RefundOrderResponse;
import org.commercemesh.order.v1.UpdateOrderStatusRequest;
import org.commercemesh.order.v1.UpdateOrderStatusResponse;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.auth.Scopes;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * commerce.order.v1.OrderService. Buyers see and cancel their own orders; admins and partners
 * with {@code orders:fulfil} (a fulfilment integration) see every order and move paid ones
 * through PROCESSING, SHIPPED and DELIVERED; refunds are the admins'.
 */
@GrpcService
public class OrderGrpcService implements org.commercemesh.order.v1.OrderService {

    private final CheckoutService checkout;
    private final OrderService orders;
    private final ShippingService shipping;
    private final Caller caller;

    public OrderGrpcService(CheckoutService checkout, OrderService orders, ShippingService shipping, Caller caller) {
        this.checkout = checkout;
        this.orders = orders;
        this.shipping = shipping;
        this.caller = caller;
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<PlaceOrderResponse> placeOrder(PlaceOrderRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireText("request_id", request.getRequestId(), 1, 64)
                    .optionalUuid("shipping_address_id", request.getShippingAddressId())
                    .optionalUuid("billing_address_id", request.getBillingAddressId())
                    .requireText("payment_token", request.getPaymentToken(), 1, 200)
                    .optionalText("notes", request.getNotes(), 500)
                    .optionalUuid("shipping_rate_id", request.getShippingRateId())
                    .throwIfAny();
            return checkout.place(me, request);
        }).map(view -> PlaceOrderResponse.newBuilder().setOrder(OrderMapper.toProto(view)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<QuoteShippingResponse> quoteShipping(QuoteShippingRequest request) {
        return caller.current().chain(me -> {
            new Violations().optionalUuid("shipping_address_id", request.getShippingAddressId()).throwIfAny();
            return shipping.quote(me, request.getShippingAddressId().isEmpty()
                    ? null
                    : UUID.fromString(request.getShippingAddressId()));
        }).map(quotes -> {
            QuoteShippingResponse.Builder response = QuoteShippingResponse.newBuilder();
            quotes.forEach(quote -> response.addRates(ShippingMapper.toProto(quote)));
            return response.build();
        });
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN, Scopes.ORDERS_FULFIL })
    public Uni<GetOrderResponse> getOrder(GetOrderRequest request) {
        return caller.current().chain(me -> orders.get(me, id(request.getOrderId())))
                .map(view -> GetOrderResponse.newBuilder().setOrder(OrderMapper.toProto(view)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN, Scopes.ORDERS_FULFIL })
    public Uni<ListOrdersResponse> listOrders(ListOrdersRequest request) {
        return caller.current().chain(me -> {
            Violations violations = new Violations()
                    .check(request.getStatus() != OrderStatus.UNRECOGNIZED, "status", "is not a known status");
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 2, violations);
            violations.throwIfAny();
            return orders.list(me, OrderState.of(request.getStatus()), page).map(fetched -> {
                List<OrderWithLines> served = page.pageOf(fetched);
                ListOrdersResponse.Builder response = ListOrdersResponse.newBuilder();
                served.forEach(view -> response.addOrders(OrderMapper.toProto(view)));
                if (page.hasMore(fetched)) {
                    CustomerOrder last = served.get(served.size() - 1).order();
                    response.setNextPageToken(PageRequest.tokenAfter(last.createdAt.toString(), last.id.toString()));
                }
                return response.build();
            });
        });
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<CancelOrderResponse> cancelOrder(CancelOrderRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireUuid("order_id", request.getOrderId())
                    .optionalText("reason", request.getReason(), 500)
                    .throwIfAny();
            return orders.cancel(me, UUID.fromString(request.getOrderId()), request.getReason());
        }).map(view -> CancelOrderResponse.newBuilder().setOrder(OrderMapper.toProto(view)).build());
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Scopes.ORDERS_FULFIL })
    public Uni<UpdateOrderStatusResponse> updateOrderStatus(UpdateOrderStatusRequest request) {
        return Uni.createFrom().deferred(() -> {
            OrderStatus target = request.getStatus();
            Violations violations = new Violations().requireUuid("order_id", request.getOrderId())
                    .check(target == OrderStatus.ORDER_STATUS_PROCESSING || target == OrderStatus.ORDER_STATUS_SHIPPED
                            || target == OrderStatus.ORDER_STATUS_DELIVERED, "status",
                            "must be PROCESSING, SHIPPED or DELIVERED");
            violations.optionalText("tracking_number", request.getTrackingNumber(), 100);
            violations.throwIfAny();
            return orders.advance(UUID.fromString(request.getOrderId()), OrderState.of(target).orElseThrow(),
                    request.getTrackingNumber());
        }).map(view -> UpdateOrderStatusResponse.newBuilder().setOrder(OrderMapper.toProto(view)).build());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<RefundOrderResponse> refundOrder(RefundOrderRequest request) {
        return Uni.createFrom().deferred(() -> {
            new Violations().requireUuid("order_id", request.getOrderId())
                    .optionalText("reason", request.getReason(), 500)
                    .throwIfAny();
            return orders.refundOrder(UUID.fromString(request.getOrderId()), request.getReason());
        }).map(view -> RefundOrderResponse.newBuilder().setOrder(OrderMapper.toProto(view)).build());
    }

    private static UUID id(String value) {
        new Violations().requireUuid("order_id", value).throwIfAny();
        return UUID.fromString(value);
    }
}
