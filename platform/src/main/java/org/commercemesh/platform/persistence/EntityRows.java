package org.commercemesh.platform.persistence;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Transient;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;

/**
 * Fills entities from rows of the reactive client the way Hibernate maps them here: each
 * persistent field from the column of its snake_case name (the physical naming strategy the services
 * configure). Entities filled so are detached: for reading and mapping to messages, never for
 * changing. A field with no column in the row is an error, so that a query selecting too little
 * fails at once rather than answering with empty fields.
 */
final class EntityRows {

    private record Column(Field field, String name) {
    }

    private static final Map<Class<?>, List<Column>> COLUMNS = new ConcurrentHashMap<>();

    private EntityRows() {
    }

    static <T> T fill(Class<T> type, Row row) {
        try {
            T entity = type.getDeclaredConstructor().newInstance();
            for (Column column : COLUMNS.computeIfAbsent(type, EntityRows::columns)) {
                int index = row.getColumnIndex(column.name());
                if (index < 0) {
                    throw new IllegalStateException(type.getSimpleName() + "." + column.field().getName()
                            + " has no column " + column.name() + " in the row");
                }
                Object value = row.getValue(index);
                column.field().set(entity, value == null ? null : convert(value, column.field().getType()));
            }
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot fill " + type.getName() + " from a row", e);
        }
    }

    private static List<Column> columns(Class<?> type) {
        List<Column> columns = new ArrayList<>();
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            for (Field field : at.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                // Panache turns an entity's public fields private behind accessors; Hibernate's
                // enhancer adds $$_hibernate_ fields of its own.
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                        && !field.getName().startsWith("$$_") && !field.isAnnotationPresent(Transient.class)) {
                    field.setAccessible(true);
                    columns.add(new Column(field, snakeCase(field.getName())));
                }
            }
        }
        return List.copyOf(columns);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object convert(Object value, Class<?> target) {
        if (target.isInstance(value)) {
            return value;
        }
        if (target == java.time.Instant.class && value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (target == BigDecimal.class && value instanceof Numeric number) {
            return number.bigDecimalValue();
        }
        if ((target == int.class || target == Integer.class) && value instanceof Number number) {
            return number.intValue();
        }
        if ((target == long.class || target == Long.class) && value instanceof Number number) {
            return number.longValue();
        }
        if (target == boolean.class && value instanceof Boolean flag) {
            return flag;
        }
        if (target.isEnum() && value instanceof String name) {
            return Enum.valueOf((Class<Enum>) target, name);
        }
        if (target == String.class && (value instanceof JsonObject || value instanceof JsonArray)) {
            return value.toString();
        }
        if (target == UUID.class && value instanceof String text) {
            return UUID.fromString(text);
        }
        throw new IllegalStateException("cannot read a " + value.getClass().getSimpleName() + " into a "
                + target.getSimpleName());
    }

    private static String snakeCase(String camel) {
        StringBuilder snake = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
