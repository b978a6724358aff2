package org.commercemesh.edge.route;

import java.util.List;
import java.util.Optional;

/** Envoy's route table: the first route whose match accepts the gRPC path wins. */
public record RouteTable(List<Route> routes) {

    public Optional<Route> find(String grpcPath) {
        return routes.stream().filter(route -> route.match().matches(grpcPath)).findFirst();
    }
}
