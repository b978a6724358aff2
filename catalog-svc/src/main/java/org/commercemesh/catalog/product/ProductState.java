package org.commercemesh.catalog.product;

import java.util.Optional;
import java.util.Set;

import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.platform.status.ContractEnum;

/**
 * A product's status, stored by name in product.status, and its lifecycle: DRAFT → ACTIVE ⇄
 * INACTIVE, any of those → ARCHIVED (final; archived products stay for order history but are
 * never sold again). The one mapping to and from the contract's {@link ProductStatus}.
 */
public enum ProductState implements ContractEnum<ProductStatus> {
    DRAFT(ProductStatus.PRODUCT_STATUS_DRAFT),
    ACTIVE(ProductStatus.PRODUCT_STATUS_ACTIVE),
    INACTIVE(ProductStatus.PRODUCT_STATUS_INACTIVE),
    ARCHIVED(ProductStatus.PRODUCT_STATUS_ARCHIVED);

    private final ProductStatus proto;

    ProductState(ProductStatus proto) {
        this.proto = proto;
    }

    @Override
    public ProductStatus toProto() {
        return proto;
    }

    /** The state of a contract status; empty for UNSPECIFIED. */
    public static Optional<ProductState> of(ProductStatus status) {
        return ContractEnum.of(ProductState.class, status);
    }

    public boolean canMoveTo(ProductState target) {
        return target == this || switch (this) {
            case DRAFT -> Set.of(ACTIVE, ARCHIVED).contains(target);
            case ACTIVE -> Set.of(INACTIVE, ARCHIVED).contains(target);
            case INACTIVE -> Set.of(ACTIVE, ARCHIVED).contains(target);
            case ARCHIVED -> false;
        };
    }
}
