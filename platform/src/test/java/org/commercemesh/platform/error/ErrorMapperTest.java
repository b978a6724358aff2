package org.commercemesh.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.commercemesh.testing.grpc.GrpcErrors;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class ErrorMapperTest {

    @Test
    void givenViolationsCollected_whenMapped_thenEveryViolationIsInTheBadRequest() {
        Violations violations = new Violations()
                .requireText("email", "", 3, 254)
                .range("page_size", 500, 0, 100)
                .requireUuid("user_id", "not-a-uuid")
                .optionalText("label", "", 50);

        StatusRuntimeException status = ErrorMapper.toStatusException(new InvalidArgumentException(violations.list()));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(status)).containsExactly("email", "page_size", "user_id");
        assertThat(GrpcErrors.badRequest(status).orElseThrow().getFieldViolations(1).getDescription())
                .isEqualTo("must be between 0 and 100");
    }

    @Test
    void givenAViolationQuotingPagesOfClientInput_whenMapped_thenTheTrailerTextsAreCutShort() {
        String quoted = "x".repeat(20_000);

        StatusRuntimeException status = ErrorMapper.toStatusException(
                InvalidArgumentException.of("product.price", "is not a currency: " + quoted));

        String description = GrpcErrors.badRequest(status).orElseThrow().getFieldViolations(0).getDescription();
        assertThat(description).startsWith("is not a currency: xxx").endsWith("…").hasSize(301);
        assertThat(status.getStatus().getDescription()).hasSizeLessThanOrEqualTo(301);
    }

    @Test
    void givenAPreconditionWithMetadata_whenMapped_thenErrorInfoCarriesReasonDomainAndMetadata() {
        StatusRuntimeException status = ErrorMapper.toStatusException(new FailedPreconditionException(
                "OUT_OF_STOCK", "not enough stock", Map.of("product_id", "p-1")));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(status)).contains("OUT_OF_STOCK");
    }

    @Test
    void givenThrottling_whenMapped_thenResourceExhaustedWithRetryDelay() {
        StatusRuntimeException status = ErrorMapper.toStatusException(
                new ThrottledException("too many attempts", Duration.ofSeconds(90)));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(GrpcErrors.retryInfo(status).orElseThrow().getRetryDelay().getSeconds()).isEqualTo(90);
    }

    @Test
    void givenADatabaseThatCannotBeReached_whenMapped_thenUnavailable_butOtherDatabaseErrorsStayInternal() {
        List<Throwable> unreachable = List.of(
                new IllegalStateException("query failed", new ConnectException("Connection refused")),
                new PgException("the database system is starting up", "FATAL", "57P03", null),
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null),
                ClosedConnectionException.INSTANCE);
        Throwable overflow = new PgException("numeric field overflow", "ERROR", "22003", null);

        assertThat(unreachable).allSatisfy(failure -> assertThat(ErrorMapper.toStatusException(failure).getStatus()
                .getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(ErrorMapper.toStatusException(overflow).getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void givenAWrappedServiceException_whenMapped_thenTheWrapperIsSeenThrough() {
        StatusRuntimeException status = ErrorMapper.toStatusException(
                new CompletionException(new NotFoundException("order", "42")));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(status.getStatus().getDescription()).isEqualTo("order 42 not found");
    }

    @Test
    void givenADownstreamStatus_whenMapped_thenItPassesThroughUnchanged() {
        StatusRuntimeException downstream = Status.UNAVAILABLE.withDescription("catalog-svc down").asRuntimeException();

        assertThat(ErrorMapper.toStatusException(downstream)).isSameAs(downstream);
    }

    @Test
    void givenAUniqueViolationAsHibernateReportsItOnFlush_whenMapped_thenAlreadyExistsNamingTheConstraint() {
        Throwable flushed = new org.hibernate.exception.ConstraintViolationException("could not insert",
                new java.sql.SQLException("duplicate key value violates unique constraint", "23505"), "insert into ...",
                "customer_order_one_pending_per_cart_uq");

        assertThat(ErrorMapper.isUniqueViolation(flushed)).isTrue();
        assertThat(ErrorMapper.toStatusException(new java.util.concurrent.CompletionException(flushed)).getStatus()
                .getCode())
                .isEqualTo(io.grpc.Status.Code.ALREADY_EXISTS);
        assertThat(ErrorMapper.toStatusException(flushed).getStatus().getDescription())
                .contains("customer_order_one_pending_per_cart_uq");
        assertThat(ErrorMapper.isUniqueViolation(new java.sql.SQLException("deadlock", "40P01"))).isFalse();
    }

    @Test
    void givenNoViolations_whenAnInvalidArgumentIsBuilt_thenItIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new InvalidArgumentException(List.of()));
    }
}
