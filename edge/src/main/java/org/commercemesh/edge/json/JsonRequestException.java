package org.commercemesh.edge.json;

/** A JSON request the edge cannot turn into a gRPC message; answered as INVALID_ARGUMENT (400). */
public final class JsonRequestException extends RuntimeException {

    public JsonRequestException(String message) {
        super(message);
    }
}
