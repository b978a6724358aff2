package org.commercemesh.user.account;

import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.v1.User;

import com.google.type.Date;

/** UserAccount → User message. The password hash has no field to go to. */
public final class UserMapper {

    private UserMapper() {
    }

    public static User toProto(UserAccount account) {
        User.Builder user = User.newBuilder()
                .setId(account.id.toString())
                .setEmail(account.email)
                .setFirstName(account.firstName)
                .setLastName(account.lastName)
                .setPhone(account.phone == null ? "" : account.phone)
                .setGender(account.gender.toProto())
                .setNewsletterOptIn(account.newsletterOptIn)
                .addRoles(account.role.toProto())
                .setEmailVerified(account.emailVerified)
                .setCreateTime(ProtoTime.toProto(account.createdAt))
                .setUpdateTime(ProtoTime.toProto(account.updatedAt));
        if (account.dateOfBirth != null) {
            user.setDateOfBirth(Date.newBuilder().setYear(account.dateOfBirth.getYear())
                    .setMonth(account.dateOfBirth.getMonthValue()).setDay(account.dateOfBirth.getDayOfMonth()));
        }
        return user.build();
    }
}
