package org.commercemesh.user.account;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.commercemesh.platform.persistence.TrackedEntity;

/** An account (table app_user). The password hash never leaves this service. */
@Entity
@Table(name = "app_user")
public class UserAccount extends TrackedEntity {

    /** Trimmed and lower-cased. */
    public String email;
    public String passwordHash;
    public String firstName;
    public String lastName;
    public String phone;
    public LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    public GenderChoice gender;
    public boolean newsletterOptIn;
    @Enumerated(EnumType.STRING)
    public AccountRole role;
    public boolean emailVerified;
    public boolean notifyByEmail = true;
    public boolean notifyBySms;
    /** The phone texts go to: set only by a confirmed phone verification. */
    public String smsPhone;
    public Instant deletedAt;
}
