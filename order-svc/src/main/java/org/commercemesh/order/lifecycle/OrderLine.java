package org.commercemesh.order.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vertx.core.json.JsonObject;

/** A line of an order, snapshotted at checkout. */
@Entity
@Table(name = "order_item")
public class OrderLine extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID orderId;
    public UUID productId;
    public String sku;
    public String name;
    public int quantity;
    public BigDecimal unitPrice;
    public BigDecimal lineTotal;

    /**
     * The options chosen in the cart as a JSON object of strings. Written through a text cast: a
     * String bound straight to a jsonb parameter would be stored as a JSON string, not parsed.
     */
    @ColumnTransformer(read = "options::text", write = "cast(cast(? as text) as jsonb)")
    public String options;

    /** The cart line it was bought from; null for orders older than this column. */
    public UUID cartItemId;

    /** That cart line's last change when it was ordered: a line in this state is already ordered. */
    public Instant cartItemUpdatedAt;

    /** The chosen options as a map (Panache owns the field's getter and setter). */
    public Map<String, String> optionsMap() {
        Map<String, String> chosen = new TreeMap<>();
        new JsonObject(options).forEach(entry -> chosen.put(entry.getKey(), String.valueOf(entry.getValue())));
        return chosen;
    }

    public void storeOptions(Map<String, String> chosen) {
        options = new JsonObject(new TreeMap<String, Object>(chosen)).encode();
    }
}
