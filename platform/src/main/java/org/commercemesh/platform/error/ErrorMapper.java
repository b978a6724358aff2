package org.commercemesh.platform.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The one place where exceptions become gRPC statuses (design §5). {@link ServiceException}s
 * map to their code with {@code google.rpc} details; statuses raised by downstream calls pass
 * through unchanged; a unique-constraint race that a service's own checks missed becomes
 * ALREADY_EXISTS. Anything else is a bug: INTERNAL with an incident id that is also logged,
 * never the exception's text.
 */
public final class ErrorMapper {

    /** ErrorInfo domain of every reason this mesh issues. */
    public static final String ERROR_DOMAIN = "commercemesh.org";

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_TEXT = 300;

    private ErrorMapper() {
    }

    public static StatusRuntimeException toStatusException(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StatusRuntimeException statusRuntime) {
            return statusRuntime;
        }
        if (cause instanceof StatusException status) {
            return new StatusRuntimeException(status.getStatus(), status.getTrailers());
        }
        if (cause instanceof ServiceException service) {
            return fromServiceException(service);
        }
        if (cause instanceof AuthenticationFailedException) {
            LOG.debugf(cause, "access token rejected");
            return Status.UNAUTHENTICATED.withDescription("the access token was rejected").asRuntimeException();
        }
        if (cause instanceof UnauthorizedException) {
            return Status.UNAUTHENTICATED.withDescription("a valid access token is required").asRuntimeException();
        }
        if (cause instanceof ForbiddenException) {
            return Status.PERMISSION_DENIED.withDescription("your role does not allow this").asRuntimeException();
        }
        String unique = violatedUniqueConstraint(cause);
        if (unique != null) {
            return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.ALREADY_EXISTS_VALUE)
                    .setMessage("already exists (" + unique + ")")
                    .build());
        }
        if (databaseUnreachable(cause)) {
            LOG.warnf("database unreachable: %s", cause.toString());
            return Status.UNAVAILABLE.withDescription("the database is unavailable; try again shortly")
                    .asRuntimeException();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(cause, "unexpected failure, incident %s", incident);
        return Status.INTERNAL.withDescription("internal error, incident " + incident).asRuntimeException();
    }

    private static StatusRuntimeException fromServiceException(ServiceException exception) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(exception.code().value())
                .setMessage(bounded(exception.getMessage()));
        if (exception instanceof InvalidArgumentException invalid) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            invalid.violations().forEach(violation -> badRequest.addFieldViolations(
                    BadRequest.FieldViolation.newBuilder()
                            .setField(bounded(violation.field()))
                            .setDescription(bounded(violation.description()))));
            status.addDetails(Any.pack(badRequest.build()));
        } else if (exception instanceof FailedPreconditionException precondition) {
            status.addDetails(Any.pack(ErrorInfo.newBuilder()
                    .setReason(precondition.reason())
                    .setDomain(ERROR_DOMAIN)
                    .putAllMetadata(precondition.metadata())
                    .build()));
        } else if (exception instanceof ThrottledException throttled) {
            status.addDetails(Any.pack(RetryInfo.newBuilder()
                    .setRetryDelay(com.google.protobuf.Duration.newBuilder()
                            .setSeconds(throttled.retryAfter().getSeconds())
                            .setNanos(throttled.retryAfter().getNano()))
                    .build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /**
     * A status travels in trailers, and a peer resets the stream when they pass its header limit
     * (8 KiB in gRPC Java and Netty): a message that quotes client input at length (a 3000-character
     * field, say) would reach the caller as a reset, not as the status. Texts are cut to a length
     * that says enough.
     */
    private static String bounded(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + "…";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Whether the database could not be reached or dropped the connection: refused, timed out,
     * closed, or a server shutting down or starting up (SQLSTATE classes 08 and 57P). A standby
     * restarting behind the read datasource is one; the caller may retry, so UNAVAILABLE.
     */
    private static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
                    || cause instanceof ConnectTimeoutException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure comes from a unique-constraint violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        return violatedUniqueConstraint(failure) != null;
    }

    /**
     * The unique constraint a failure violated, or null. The reactive client raises a
     * PgException; once Hibernate Reactive flushes an entity it converts that into its own
     * ConstraintViolationException over a plain SQLException, so both shapes are recognised.
     */
    private static String violatedUniqueConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return pg.getConstraint();
            }
            if (cause instanceof ConstraintViolationException violation
                    && UNIQUE_VIOLATION.equals(violation.getSQLState())) {
                return violation.getConstraintName() != null ? violation.getConstraintName() : "a unique constraint";
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return "a unique constraint";
            }
        }
        return null;
    }
}
