package org.commercemesh.testing.mail;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** What {@link SmtpServerResource} received, read as a mail client would. */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    public static List<MimeMessage> to(String email) {
        return SmtpServerResource.received().stream().filter(message -> {
            try {
                return message.getRecipients(RecipientType.TO)[0].toString().equals(email);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static List<MimeMessage> to(String email, String subject) {
        return to(email).stream().filter(mail -> subject(mail).equals(subject)).toList();
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address the mail says it is from. */
    public static String sender(MimeMessage mail) {
        try {
            return ((InternetAddress) mail.getFrom()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part (the whole body of a text-only mail). */
    public static String text(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    /** The text/html part; fails when the mail has none. */
    public static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    /** The token of the link in the mail's text. */
    public static String linkToken(MimeMessage mail) {
        Matcher matcher = TOKEN.matcher(text(mail));
        if (!matcher.find()) {
            throw new AssertionError("no link with a token in: " + text(mail));
        }
        return matcher.group(1);
    }

    private static String part(MimeMessage mail, String type) {
        String found = find(mail, type);
        if (found == null) {
            throw new AssertionError("no " + type + " part");
        }
        return found;
    }

    private static String find(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = find(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
