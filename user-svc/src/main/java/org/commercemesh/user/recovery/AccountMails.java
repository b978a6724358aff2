package org.commercemesh.user.recovery;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.user.account.UserAccount;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;

/**
 * The e-mails that carry account links, HTML and text from Qute templates. They are sent after
 * the link's transaction commits and the caller does not wait: a slow or failed send neither
 * fails the request nor shows in its timing (which would tell whether an address has an
 * account); the user can ask for another link.
 */
@ApplicationScoped
public class AccountMails {

    private static final Logger LOG = Logger.getLogger(AccountMails.class);

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance verifyEmail(String firstName, String link, long hours);

        static native MailTemplateInstance passwordReset(String firstName, String link, long minutes);
    }

    private final String sender;
    private final String linkBase;
    private final Duration verifyTtl;
    private final Duration resetTtl;

    public AccountMails(@ConfigProperty(name = "commerce.mail.accounts-from") String sender,
            @ConfigProperty(name = "commerce.auth.link-base-url") String linkBase,
            @ConfigProperty(name = "commerce.auth.verify-email-link-ttl") Duration verifyTtl,
            @ConfigProperty(name = "commerce.auth.password-reset-link-ttl") Duration resetTtl) {
        this.sender = sender;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        this.verifyTtl = verifyTtl;
        this.resetTtl = resetTtl;
    }

    public void sendVerification(UserAccount account, String token) {
        deliver("verification", Templates.verifyEmail(account.firstName, linkBase + "/verify-email?token=" + token,
                verifyTtl.toHours()).from(sender).to(account.email).subject("Confirm your e-mail address"));
    }

    public void sendPasswordReset(UserAccount account, String token) {
        deliver("password reset", Templates.passwordReset(account.firstName,
                linkBase + "/reset-password?token=" + token, resetTtl.toMinutes())
                .from(sender).to(account.email).subject("Reset your password"));
    }

    private static void deliver(String kind, MailTemplateInstance mail) {
        Uni.createFrom().deferred(mail::send).subscribe().with(sent -> {
        }, failure -> LOG.warnf(failure, "The %s e-mail could not be sent; the user can ask for another", kind));
    }
}
