package org.commercemesh.order.shipping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commercemesh.cart.v1.CartItem;
import org.commercemesh.catalog.v1.Product;

/**
 * What is shipped: the actual weight and the volume of the packed items. Carriers charge the
 * larger of the actual and the dimensional weight (volume ÷ 5000 cm³ per kg, the common divisor).
 */
public record Parcel(int weightGrams, long volumeCubicMm) {

    /** The common divisor, 5000 cm³ per kg, is also 5000 mm³ per gram: both units scale by 1000. */
    static final long CUBIC_MM_PER_GRAM = 5_000;

    public static Parcel of(List<CartItem> lines, Map<UUID, Product> products) {
        int weight = 0;
        long volume = 0;
        for (CartItem line : lines) {
            Product product = products.get(UUID.fromString(line.getProductId()));
            weight += product.getWeightGrams() * line.getQuantity();
            if (product.hasDimensions()) {
                volume += (long) product.getDimensions().getLengthMm() * product.getDimensions().getWidthMm()
                        * product.getDimensions().getHeightMm() * line.getQuantity();
            }
        }
        return new Parcel(weight, volume);
    }

    public int dimensionalGrams() {
        return (int) Math.min(Integer.MAX_VALUE, volumeCubicMm / CUBIC_MM_PER_GRAM);
    }

    /** The weight a carrier charges for. */
    public int chargeableGrams() {
        return Math.max(weightGrams, dimensionalGrams());
    }

    /** The side of a cube of the parcel's volume, in mm, for carriers that ask for dimensions. */
    public int cubeSideMm() {
        return volumeCubicMm == 0 ? 0 : (int) Math.ceil(Math.cbrt(volumeCubicMm));
    }
}
