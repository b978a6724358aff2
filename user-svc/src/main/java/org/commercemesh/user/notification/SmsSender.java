package org.commercemesh.user.notification;

import io.smallrye.mutiny.Uni;

/** Sends one text message; fails when the provider did not accept it. */
public interface SmsSender {

    /** @param to an E.164 number */
    Uni<Void> send(String to, String body);
}
