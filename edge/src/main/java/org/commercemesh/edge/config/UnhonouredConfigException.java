package org.commercemesh.edge.config;

/** envoy.yaml asks for something the local edge does not implement, or is malformed. */
public final class UnhonouredConfigException extends RuntimeException {

    public UnhonouredConfigException(String message) {
        super(message);
    }
}
