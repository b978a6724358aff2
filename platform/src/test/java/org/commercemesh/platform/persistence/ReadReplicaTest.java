package org.commercemesh.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.commercemesh.platform.id.Ids;
import org.commercemesh.testing.vertx.OnVertx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The read datasource here is the primary (platform defaults): what is checked is the reading. */
@QuarkusTest
class ReadReplicaTest {

    enum Shade {
        LIGHT, DARK
    }

    /** Public fields, as the services' entities have: each from its snake_case column. */
    public static class Shelf {
        public UUID id;
        public String shelfName;
        public BigDecimal price;
        public int slots;
        public boolean active;
        public Shade shade;
        public String labels;
        public Instant createdAt;
    }

    private static final UUID OAK = Ids.newId();
    private static final UUID PINE = Ids.newId();
    private static final Instant MADE = Instant.parse("2026-11-26T09:00:00.123456Z");

    @Inject
    ReadReplica replica;

    @BeforeEach
    void givenTwoShelves() {
        OnVertx.await(() -> replica.rows("""
                create table if not exists shelf (id uuid primary key, shelf_name text, price numeric(19, 4),
                  slots integer, active boolean, shade text, labels jsonb, created_at timestamptz)""", Map.of()))
                .size();
        OnVertx.await(() -> replica.rows("""
                insert into shelf values (:oak, 'Oak', 129.5, 4, true, 'DARK', '{"wood": "oak"}', :made),
                                         (:pine, 'Pine', 49, 3, false, 'LIGHT', '[]', :made)
                on conflict (id) do nothing""", Map.of("oak", OAK, "pine", PINE, "made", MADE)));
    }

    @Test
    void givenARowOfEveryKindOfColumn_whenListed_thenEachFieldHoldsItsColumn() {
        List<Shelf> shelves = OnVertx.await(() -> replica.list(Shelf.class,
                "select * from shelf where id = any(:ids) and price >= :min order by price desc",
                Map.of("ids", List.of(OAK, PINE), "min", new BigDecimal("10"))));

        assertThat(shelves).extracting(shelf -> shelf.id).containsExactly(OAK, PINE);
        Shelf oak = shelves.get(0);
        assertThat(oak.shelfName).isEqualTo("Oak");
        assertThat(oak.price).isEqualByComparingTo("129.5");
        assertThat(oak.slots).isEqualTo(4);
        assertThat(oak.active).isTrue();
        assertThat(oak.shade).isEqualTo(Shade.DARK);
        assertThat(oak.labels).isEqualTo("{\"wood\":\"oak\"}");
        assertThat(oak.createdAt).isEqualTo(MADE);
        assertThat(shelves.get(1).labels).isEqualTo("[]");
    }

    @Test
    void givenAQuerySelectingTooLittle_thenItFailsRatherThanLeavingFieldsEmpty() {
        assertThatThrownBy(() -> OnVertx.await(() -> replica.list(Shelf.class, "select id from shelf", Map.of())))
                .hasMessageContaining("shelf_name");
    }

    @Test
    void givenAParameterWithoutAValue_thenItIsRefusedBeforeTheQueryRuns() {
        assertThatThrownBy(() -> replica.rows("select * from shelf where id = :id", Map.of()))
                .hasMessageContaining(":id");
    }
}
