package org.commercemesh.bench.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.commercemesh.bench.Calls;
import org.commercemesh.bench.Mesh;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.bench.SqlReplay;
import org.commercemesh.catalog.v1.SearchProductsRequest;

/**
 * A shopper searches: a mix of what people type, from one word that matches a tenth of the
 * generated catalog to a brand, to typos that only trigram similarity finds.
 */
public final class SearchProducts extends CatalogScenario {

    /** The queries, in the order the SQL replay numbers them. */
    static final List<String> QUERIES = List.of("headphones", "wireless headphones", "bamboo kettle", "oakridge",
            "steel", "coffee grinder", "wireles headphnes", "teapto", "blendr", "yoga mat");

    public SearchProducts(Mesh mesh) {
        super(mesh, "search-products", 1);
    }

    @Override
    public CompletableFuture<?> call() {
        String query = QUERIES.get(ThreadLocalRandom.current().nextInt(QUERIES.size()));
        return Calls.of(
                products.searchProducts(SearchProductsRequest.newBuilder().setQuery(query).setPageSize(20).build()));
    }

    @Override
    public Optional<SqlReplay> sqlReplay() {
        return Optional.of(new SqlReplay("sql/search-products.sql", Service.CATALOG, Map.of()));
    }
}
