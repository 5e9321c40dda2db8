package cn.zhibu.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import cn.zhibu.platform.lifecycle.Stopping;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches JAX-RS into {@code application/problem+json}. Nothing from an
 * exception (message, class, SQL) reaches the client except through a problem code.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /**
     * What the connection pool (Agroal) says when no connection came free within
     * {@code quarkus.datasource.jdbc.acquisition-timeout}: it has no exception type or SQL state of its own.
     */
    static final String POOL_EXHAUSTED = "Sorry, acquisition timeout!";
    /**
     * PostgreSQL's answers to work that waited or ran too long, or lost a race it may win when tried again: a lock
     * not had within {@code lock_timeout} (55P03), a statement cancelled by {@code statement_timeout} (57014), a
     * deadlock (40P01), a serialization failure (40001). The transaction was rolled back: nothing was changed.
     */
    static final java.util.Set<String> RETRYABLE_STATES = java.util.Set.of("55P03", "57014", "40P01", "40001");
    private static final int FIRST = 1;

    @Inject
    Stopping stopping;

    @ServerExceptionMapper(priority = FIRST)
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Response response = Problems.response(e.code(), locale(headers), instance(uri), e.errors(), e.args());
        e.headers().forEach(response.getHeaders()::putSingle);
        return response;
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldError)
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return Problems.response(ProblemCode.VALIDATION_FAILED, locale(headers), instance(uri), errors,
                errors.size());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        if (e.getPath().isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return malformed(e, headers, uri); // content after the JSON value
        }
        Locale locale = locale(headers);
        String field = path(e);
        FieldError error;
        if (e instanceof UnrecognizedPropertyException) {
            error = new FieldError(field, "UNKNOWN_FIELD", ProblemMessages.text("field.UNKNOWN_FIELD", locale));
        } else if (e instanceof InvalidFormatException && e.getTargetType() != null && e.getTargetType().isEnum()) {
            String allowed = Arrays.stream(e.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            error = new FieldError(field, "INVALID_ENUM",
                    MessageFormat.format(ProblemMessages.text("field.INVALID_ENUM", locale), allowed));
        } else if (e instanceof InvalidFormatException && e.getTargetType() == String.class) {
            error = new FieldError(field, "CONTROL_CHARACTER", ProblemMessages.text("field.CONTROL_CHARACTER", locale));
        } else {
            error = new FieldError(field, "INVALID_VALUE", ProblemMessages.text("field.INVALID_VALUE", locale));
        }
        return Problems.response(ProblemCode.VALIDATION_FAILED, locale, instance(uri), List.of(error), 1);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response json(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return malformed(e, headers, uri);
    }

    private Response malformed(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        JsonLocation at = e.getLocation();
        return Problems.response(ProblemCode.MALFORMED_JSON, locale(headers), instance(uri), List.of(),
                at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
    }

    @ServerExceptionMapper(priority = FIRST, value = {UnauthorizedException.class,
            AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(ProblemCode.UNAUTHENTICATED, locale(headers), instance(uri), List.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(ProblemCode.FORBIDDEN, locale(headers), instance(uri), List.of());
    }

    @ServerExceptionMapper(priority = FIRST, value = {OptimisticLockException.class, StaleStateException.class})
    public Response stale(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return Problems.response(ProblemCode.PRECONDITION_FAILED, locale(headers), instance(uri), List.of());
    }

    /** A unique or foreign key refused a write: a conflict with stored data. Other refusals are bugs (500). */
    @ServerExceptionMapper(priority = FIRST)
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, HttpHeaders headers,
            UriInfo uri) {
        if (e.getKind() != org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
                && e.getKind() != org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY) {
            return failure(e, headers, uri);
        }
        LOG.debugf("A database constraint refused a write: %s", e.getConstraintName());
        return Problems.response(ProblemCode.CONFLICT, locale(headers), instance(uri), List.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri, Request request) {
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch, headers, uri); // the framework wraps body-reading failures
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return malformed(unreadable, headers, uri);
        }
        Locale locale = locale(headers);
        String at = instance(uri);
        Response original = e.getResponse();
        return switch (original.getStatus()) {
            case 401 -> Problems.response(ProblemCode.UNAUTHENTICATED, locale, at, List.of());
            case 403 -> Problems.response(ProblemCode.FORBIDDEN, locale, at, List.of());
            case 404 -> Problems.response(ProblemCode.NOT_FOUND, locale, at, List.of());
            case 405 -> {
                Response problem = Problems.response(ProblemCode.METHOD_NOT_ALLOWED, locale, at, List.of(),
                        request.getMethod());
                yield original.getAllowedMethods().isEmpty() ? problem
                        : Response.fromResponse(problem).allow(original.getAllowedMethods()).build();
            }
            case 406 -> Problems.response(ProblemCode.NOT_ACCEPTABLE, locale, at, List.of());
            case 409 -> Problems.response(ProblemCode.CONFLICT, locale, at, List.of());
            case 412 -> Problems.response(ProblemCode.PRECONDITION_FAILED, locale, at, List.of());
            case 413 -> Problems.response(ProblemCode.PAYLOAD_TOO_LARGE, locale, at, List.of(),
                    RequestLimits.MAX_BODY_BYTES);
            case 415 -> Problems.response(ProblemCode.UNSUPPORTED_MEDIA_TYPE, locale, at, List.of());
            default -> original.getStatus() < 500
                    ? Problems.response(ProblemCode.BAD_REQUEST, locale, at, List.of())
                    : internal(e, headers, uri);
        };
    }

    @ServerExceptionMapper(priority = FIRST + 1)
    public Response internal(Throwable e, HttpHeaders headers, UriInfo uri) {
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && cause != e && depth < 10; depth++, cause = cause.getCause()) {
            // failures at commit arrive wrapped (a rollback inside an undeclared-throwable wrapper)
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return stale((RuntimeException) cause, headers, uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return constraint(violation, headers, uri);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, headers, uri);
            }
            if (cause instanceof java.sql.SQLException sql && POOL_EXHAUSTED.equals(sql.getMessage())) {
                LOG.warnf("No database connection came free in time on %s: answered 503", instance(uri));
                return busy(headers, uri);
            }
            if (cause instanceof java.sql.SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())) {
                LOG.warnf("The database gave up on %s (SQL state %s): answered 503", instance(uri), sql.getSQLState());
                return busy(headers, uri);
            }
        }
        return failure(e, headers, uri);
    }

    private static Response busy(HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(Problems.response(ProblemCode.SERVICE_BUSY, locale(headers), instance(uri),
                List.of())).header("Retry-After", 1).build();
    }

    private Response failure(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (stopping != null && stopping.stopping()) {
            // what fails while the service stops (its database going away under a request) is retried elsewhere
            LOG.warnf("Failed while stopping on %s: answered 503 (%s)", instance(uri), e);
            LOG.debug("The failure while stopping", e);
            return busy(headers, uri);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled failure %s on %s", reference, instance(uri));
        return Problems.response(ProblemCode.INTERNAL_ERROR, locale(headers), instance(uri), List.of(), reference);
    }

    static FieldError fieldError(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new FieldError(FieldPaths.of(violation.getPropertyPath(), violation.getRootBeanClass()), upperSnake(annotation),
                violation.getMessage());
    }

    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static Locale locale(HttpHeaders headers) {
        return ProblemMessages.resolve(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static String instance(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
