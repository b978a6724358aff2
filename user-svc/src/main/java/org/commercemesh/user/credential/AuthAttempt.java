package org.commercemesh.user.credential;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One counted attempt for throttling: a failed (or still undecided) login of an account or from
 * a client address, or a registration from a client address.
 */
@Entity
@Table(name = "auth_attempt")
public class AuthAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Which limit it counts against, e.g. {@code login-account}. */
    public String scope;

    /** Whom it counts against: a normalised e-mail or a client address. */
    public String subject;
    public Instant attemptedAt;
}
