package org.commercemesh.user.account;

import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.user.v1.Gender;

/** What a person says of their gender, stored by name in app_user.gender (UNSPECIFIED when they said nothing). */
public enum GenderChoice implements ContractEnum<Gender> {
    UNSPECIFIED(Gender.GENDER_UNSPECIFIED),
    FEMALE(Gender.GENDER_FEMALE),
    MALE(Gender.GENDER_MALE),
    NON_BINARY(Gender.GENDER_NON_BINARY),
    PREFER_NOT_TO_SAY(Gender.GENDER_PREFER_NOT_TO_SAY);

    private final Gender proto;

    GenderChoice(Gender proto) {
        this.proto = proto;
    }

    @Override
    public Gender toProto() {
        return proto;
    }
}
