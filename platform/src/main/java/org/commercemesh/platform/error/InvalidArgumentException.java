package org.commercemesh.platform.error;

import java.util.List;

import io.grpc.Status;

/** The request is malformed: INVALID_ARGUMENT with every field violation in a BadRequest. */
public final class InvalidArgumentException extends ServiceException {

    private final List<FieldViolation> violations;

    public InvalidArgumentException(List<FieldViolation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid argument needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidArgumentException of(String field, String description) {
        return new InvalidArgumentException(List.of(new FieldViolation(field, description)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public Status.Code code() {
        return Status.Code.INVALID_ARGUMENT;
    }

    private static String describe(List<FieldViolation> violations) {
        return violations.size() == 1
                ? "invalid " + violations.get(0).field() + ": " + violations.get(0).description()
                : violations.size() + " invalid fields: " + String.join(", ",
                        violations.stream().map(FieldViolation::field).toList());
    }
}
