package org.commercemesh.user.notification;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.user.account.ProfileRules;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.credential.AttemptThrottle;
import org.commercemesh.user.credential.AttemptThrottle.Charge;
import org.commercemesh.user.credential.AuthLimits;
import org.commercemesh.user.credential.OpaqueSecrets;
import org.commercemesh.user.v1.UpdateNotificationPreferencesRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Notification preferences and the phone texts go to. A phone becomes the SMS phone only when
 * its owner types back the code texted to it, so nobody can have a stranger's phone texted
 * about their orders.
 */
@ApplicationScoped
public class PreferenceService {

    static final Set<String> UPDATABLE = Set.of("email_enabled", "sms_enabled");
    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final int MAX_FAILED_CODES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PhoneVerificationRepository verifications;
    private final SmsSender sms;
    private final AttemptThrottle throttle;
    private final AuthLimits limits;

    public PreferenceService(UserRepository users, PhoneVerificationRepository verifications, SmsSender sms,
            AttemptThrottle throttle, AuthLimits limits) {
        this.users = users;
        this.verifications = verifications;
        this.sms = sms;
        this.throttle = throttle;
        this.limits = limits;
    }

    @WithSession
    public Uni<UserAccount> get(UUID userId) {
        return users.getLive(userId);
    }

    public Uni<UserAccount> update(UUID userId, UpdateNotificationPreferencesRequest request) {
        Violations violations = new Violations();
        UpdateMask mask = UpdateMask.of(request.hasUpdateMask(), request.getUpdateMask(), UPDATABLE, violations);
        violations.throwIfAny();
        return Panache.withTransaction(() -> users.lockLive(userId).invoke(account -> {
            if (mask.has("sms_enabled") && request.getPreferences().getSmsEnabled() && account.smsPhone == null) {
                throw new FailedPreconditionException("PHONE_NOT_VERIFIED",
                        "texts need a verified phone: start and confirm a phone verification first");
            }
            if (mask.has("email_enabled")) {
                account.notifyByEmail = request.getPreferences().getEmailEnabled();
            }
            if (mask.has("sms_enabled")) {
                account.notifyBySms = request.getPreferences().getSmsEnabled();
            }
            account.updatedAt = Instant.now();
        }));
    }

    /**
     * Texts a new code to the phone and returns when it expires. The code is stored before it
     * is sent; if the gateway refuses, the caller gets UNAVAILABLE and the stored code is
     * replaced by the next attempt.
     */
    public Uni<Instant> startVerification(UUID userId, String phone, String clientAddress) {
        Violations violations = new Violations();
        violations.check(!phone.isEmpty(), "phone", "is required");
        if (!phone.isEmpty()) {
            ProfileRules.phone(violations, "phone", phone);
        }
        violations.throwIfAny();
        Instant now = Instant.now();
        Instant expires = now.plus(CODE_TTL);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        return throttle.take(now, List.of(new Charge(limits.linksPerAccount(), "phone:" + userId),
                new Charge(limits.linksPerClient(), clientAddress)))
                .chain(() -> Panache.withTransaction(() -> users.getLive(userId)
                        .chain(account -> verifications.lock(userId))
                        .chain(existing -> {
                            PhoneVerification pending = existing == null ? new PhoneVerification() : existing;
                            pending.userId = userId;
                            pending.phone = phone;
                            pending.codeHash = codeHash(userId, code);
                            pending.expiresAt = expires;
                            pending.failedAttempts = 0;
                            return existing == null ? verifications.persist(pending) : Uni.createFrom().item(pending);
                        })))
                .chain(() -> sms.send(phone, "Your commerce-mesh code is " + code + ". It works for "
                        + CODE_TTL.toMinutes() + " minutes."))
                .replaceWith(expires);
    }

    /**
     * The right code makes the phone the SMS phone and turns texts on (what its owner verified
     * it for). A wrong one counts; the count is committed
     * even though the caller is refused, so guessing stops after {@link #MAX_FAILED_CODES}.
     */
    public Uni<UserAccount> confirmVerification(UUID userId, String code) {
        new Violations().check(code.matches("\\d{6}"), "code", "must be the 6 digits texted to the phone")
                .throwIfAny();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> verifications.lock(userId).chain(pending -> {
            if (pending == null || !pending.expiresAt.isAfter(now) || pending.failedAttempts >= MAX_FAILED_CODES) {
                return Uni.createFrom().failure(new FailedPreconditionException("NO_PHONE_VERIFICATION",
                        "no phone verification is waiting for a code: start a new one"));
            }
            if (!OpaqueSecrets.matches(userId + ":" + code, pending.codeHash)) {
                pending.failedAttempts++;
                return Uni.createFrom().item((UserAccount) null);
            }
            return users.lockLive(userId).call(account -> {
                account.smsPhone = pending.phone;
                account.notifyBySms = true;
                account.updatedAt = now;
                return verifications.delete(pending);
            });
        })).invoke(account -> {
            if (account == null) {
                throw InvalidArgumentException.of("code", "is not the code texted to the phone");
            }
        });
    }

    private static String codeHash(UUID userId, String code) {
        return OpaqueSecrets.hash(userId + ":" + code);
    }
}
