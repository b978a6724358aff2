package org.commercemesh.edge.log;

/** %GRPC_STATUS% prints the code's name, as Envoy does. */
final class GrpcStatusNames {

    private static final String[] NAMES = {
            "OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists",
            "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange",
            "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated" };

    private GrpcStatusNames() {
    }

    static String name(int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : String.valueOf(code);
    }
}
