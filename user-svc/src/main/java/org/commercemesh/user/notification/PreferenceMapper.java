package org.commercemesh.user.notification;

import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.v1.NotificationPreferences;

public final class PreferenceMapper {

    private PreferenceMapper() {
    }

    public static NotificationPreferences toProto(UserAccount account) {
        return NotificationPreferences.newBuilder()
                .setEmailEnabled(account.notifyByEmail)
                .setSmsEnabled(account.notifyBySms)
                .setSmsPhone(account.smsPhone == null ? "" : account.smsPhone)
                .build();
    }
}
