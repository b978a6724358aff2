package org.commercemesh.platform.persistence;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The read-only datasource {@code read} that query paths read through: catalog lists, searches and
 * the category tree, order history. In Kubernetes it is CloudNativePG's {@code -ro} Service (hot
 * standbys); where none is configured it is the primary itself (platform defaults).
 *
 * <p>What is read here may lag the primary by the replication delay. A use case that writes, or
 * that must see what its caller just wrote (an order right after checkout, a product after its
 * update), reads through its Panache session on the primary instead; so does anything that
 * decides a write, since a standby may not have the row yet.
 */
@ApplicationScoped
public class ReadReplica {

    private final Pool pool;

    public ReadReplica(@ReactiveDataSource("read") Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code sql}, written with {@code :name} parameters. A list parameter is bound as an
     * array, so the SQL compares with {@code = any(:ids)} rather than {@code in (:ids)}.
     */
    public Uni<List<Row>> rows(String sql, Map<String, ?> parameters) {
        NamedSql named = NamedSql.parse(sql);
        Tuple values = Tuple.tuple();
        for (String name : named.names()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            values.addValue(bindable(parameters.get(name)));
        }
        return pool.preparedQuery(named.sql()).execute(values)
                .map(rows -> {
                    List<Row> all = new ArrayList<>(rows.size());
                    rows.forEach(all::add);
                    return all;
                });
    }

    /** Entities filled from the rows of {@code sql}, detached: to read, never to change. */
    public <T> Uni<List<T>> list(Class<T> entity, String sql, Map<String, ?> parameters) {
        return rows(sql, parameters).map(rows -> rows.stream().map(row -> EntityRows.fill(entity, row)).toList());
    }

    private static Object bindable(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                // The array's element type comes from the elements; an empty list matches nothing anyway.
                throw new IllegalArgumentException("an empty list has no array type: skip the query instead");
            }
            return list.toArray(size -> (Object[]) Array.newInstance(list.get(0).getClass(), size));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }
}
