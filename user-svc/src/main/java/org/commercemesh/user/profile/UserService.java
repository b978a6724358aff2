package org.commercemesh.user.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.account.AccountRole;
import org.commercemesh.user.account.ProfileRules;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.address.AddressRepository;
import org.commercemesh.user.credential.AttemptThrottle;
import org.commercemesh.user.credential.AttemptThrottle.Charge;
import org.commercemesh.user.credential.AuthLimits;
import org.commercemesh.user.credential.PasswordHasher;
import org.commercemesh.user.credential.PasswordPolicy;
import org.commercemesh.user.recovery.RecoveryService;
import org.commercemesh.user.recovery.RecoveryService.IssuedLink;
import org.commercemesh.user.session.SessionService;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.UpdateMeRequest;
import org.commercemesh.user.v1.User;
import org.commercemesh.user.v1.UserDeleted;
import org.commercemesh.user.v1.UserRegistered;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Account lifecycle: registration, profile changes, soft deletion, admin listing. */
@ApplicationScoped
public class UserService {

    static final Set<String> UPDATABLE = Set.of("email", "first_name", "last_name", "phone", "date_of_birth",
            "gender", "newsletter_opt_in");

    private final UserRepository users;
    private final AddressRepository addresses;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final OutboxWriter outbox;
    private final AttemptThrottle throttle;
    private final AuthLimits limits;
    private final RecoveryService recovery;

    public UserService(UserRepository users, AddressRepository addresses, PasswordHasher hasher,
            SessionService sessions, OutboxWriter outbox, AttemptThrottle throttle, AuthLimits limits,
            RecoveryService recovery) {
        this.recovery = recovery;
        this.throttle = throttle;
        this.limits = limits;
        this.users = users;
        this.addresses = addresses;
        this.hasher = hasher;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** Registers an account; {@code clientAddress} counts against the per-client registration limit. */
    public Uni<UserAccount> register(RegisterRequest request, String clientAddress) {
        String email = ProfileRules.normaliseEmail(request.getEmail());
        Violations violations = new Violations();
        ProfileRules.email(violations, "email", email);
        PasswordPolicy.check(violations, "password", request.getPassword(), email);
        ProfileRules.firstName(violations, "first_name", request.getFirstName());
        ProfileRules.lastName(violations, "last_name", request.getLastName());
        ProfileRules.phone(violations, "phone", request.getPhone());
        ProfileRules.gender(violations, "gender", request.getGender());
        LocalDate birth = ProfileRules.dateOfBirth(violations, "date_of_birth", request.hasDateOfBirth(),
                request.getDateOfBirth());
        violations.throwIfAny();

        return throttle.take(Instant.now(), List.of(new Charge(limits.registrationsPerClient(), clientAddress)))
                .chain(() -> hasher.hash(request.getPassword()))
                .chain(hash -> Panache.withTransaction(() -> users.emailTaken(email, null)
                        .chain(taken -> {
                            if (taken) {
                                throw new AlreadyExistsException("an account with this e-mail address already exists");
                            }
                            Instant now = Instant.now();
                            UserAccount account = new UserAccount();
                            account.id = Ids.newId();
                            account.email = email;
                            account.passwordHash = hash;
                            account.firstName = request.getFirstName().strip();
                            account.lastName = request.getLastName().strip();
                            account.phone = request.getPhone().isEmpty() ? null : request.getPhone();
                            account.dateOfBirth = birth;
                            account.gender = ProfileRules.genderColumn(request.getGender());
                            account.newsletterOptIn = request.getNewsletterOptIn();
                            account.role = AccountRole.CUSTOMER;
                            account.createdAt = now;
                            account.updatedAt = now;
                            return users.persist(account)
                                    .call(saved -> outbox.append(saved.id.toString(), UserRegistered.newBuilder()
                                            .setUserId(saved.id.toString())
                                            .setEmail(saved.email)
                                            .setFirstName(saved.firstName)
                                            .setNewsletterOptIn(saved.newsletterOptIn)
                                            .setRegisterTime(ProtoTime.toProto(now))
                                            .build()))
                                    .chain(saved -> recovery.issueVerification(saved, now));
                        })))
                .invoke(recovery::mailVerification)
                .map(IssuedLink::account);
    }

    @WithSession
    public Uni<UserAccount> get(UUID userId) {
        return users.getLive(userId);
    }

    /** A changed e-mail address is unverified until the link sent to it is opened. */
    public Uni<UserAccount> update(UUID userId, UpdateMeRequest request) {
        User changes = request.getUser();
        Violations violations = new Violations();
        UpdateMask mask = UpdateMask.of(request.hasUpdateMask(), request.getUpdateMask(), UPDATABLE, violations);
        String email = ProfileRules.normaliseEmail(changes.getEmail());
        if (mask.has("email")) {
            ProfileRules.email(violations, "user.email", email);
        }
        if (mask.has("first_name")) {
            ProfileRules.firstName(violations, "user.first_name", changes.getFirstName());
        }
        if (mask.has("last_name")) {
            ProfileRules.lastName(violations, "user.last_name", changes.getLastName());
        }
        if (mask.has("phone")) {
            ProfileRules.phone(violations, "user.phone", changes.getPhone());
        }
        if (mask.has("gender")) {
            ProfileRules.gender(violations, "user.gender", changes.getGender());
        }
        LocalDate birth = mask.has("date_of_birth")
                ? ProfileRules.dateOfBirth(violations, "user.date_of_birth", changes.hasDateOfBirth(),
                        changes.getDateOfBirth())
                : null;
        violations.throwIfAny();

        return Panache.withTransaction(() -> users.lockLive(userId)
                .call(account -> mask.has("email") ? users.emailTaken(email, userId).invoke(taken -> {
                    if (taken) {
                        throw new AlreadyExistsException("an account with this e-mail address already exists");
                    }
                }) : Uni.createFrom().voidItem())
                .chain(account -> {
                    boolean emailChanged = mask.has("email") && !account.email.equals(email);
                    apply(account, mask, changes, email, birth);
                    return emailChanged
                            ? recovery.issueVerification(account, account.updatedAt)
                            : Uni.createFrom().item(IssuedLink.none(account));
                }))
                .invoke(recovery::mailVerification)
                .map(IssuedLink::account);
    }

    private static void apply(UserAccount account, UpdateMask mask, User changes, String email, LocalDate birth) {
        if (mask.has("email") && !account.email.equals(email)) {
            account.email = email;
            account.emailVerified = false;
        }
        if (mask.has("first_name")) {
            account.firstName = changes.getFirstName().strip();
        }
        if (mask.has("last_name")) {
            account.lastName = changes.getLastName().strip();
        }
        if (mask.has("phone")) {
            account.phone = changes.getPhone().isEmpty() ? null : changes.getPhone();
        }
        if (mask.has("date_of_birth")) {
            account.dateOfBirth = birth;
        }
        if (mask.has("gender")) {
            account.gender = ProfileRules.genderColumn(changes.getGender());
        }
        if (mask.has("newsletter_opt_in")) {
            account.newsletterOptIn = changes.getNewsletterOptIn();
        }
        account.updatedAt = Instant.now();
    }

    /**
     * Soft-deletes the account after checking its password: the e-mail becomes free, sessions
     * are revoked, addresses hidden, and UserDeleted is published.
     */
    public Uni<Void> delete(UUID userId, String password) {
        return Panache.withSession(() -> users.getLive(userId))
                .call(account -> hasher.matches(password, account.passwordHash).invoke(ok -> {
                    if (!ok) {
                        throw org.commercemesh.platform.error.InvalidArgumentException.of("password", "is incorrect");
                    }
                }))
                .chain(checked -> Panache.withTransaction(() -> users.lockLive(userId).chain(account -> {
                    Instant now = Instant.now();
                    account.deletedAt = now;
                    account.updatedAt = now;
                    return addresses.deleteAllOf(userId, now)
                            .chain(() -> sessions.revokeAll(userId, null, now))
                            .chain(() -> outbox.append(userId.toString(), UserDeleted.newBuilder()
                                    .setUserId(userId.toString())
                                    .setDeleteTime(ProtoTime.toProto(now))
                                    .build()));
                })))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<List<UserAccount>> list(PageRequest page, String emailPrefix) {
        return users.page(page, emailPrefix);
    }
}
