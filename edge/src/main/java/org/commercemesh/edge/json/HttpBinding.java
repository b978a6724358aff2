package org.commercemesh.edge.json;

import com.google.protobuf.Descriptors.MethodDescriptor;

/**
 * One google.api.http binding of a method: the HTTP verb and path template, and where the
 * request body goes ({@code "*"}: the whole message, a field name: that field, empty: none).
 */
public record HttpBinding(String httpMethod, PathTemplate template, String body, String responseBody,
        MethodDescriptor method) {

    public String grpcPath() {
        return "/" + method.getService().getFullName() + "/" + method.getName();
    }

    boolean wholeBody() {
        return body.equals("*");
    }
}
