package org.commercemesh.platform.status;

import java.util.Optional;

import com.google.protobuf.ProtocolMessageEnum;

/**
 * A Java enum stored by name in its table (a status, a privacy level) and mapped to its twin
 * enum in the contract. Each constant names its contract value once; {@link #of} finds the
 * constant for a contract value, so no service turns names into strings to convert them.
 *
 * @param <P> the contract's enum
 */
public interface ContractEnum<P extends ProtocolMessageEnum> {

    P toProto();

    /** The constant whose contract twin is {@code proto}; empty for UNSPECIFIED and unknown values. */
    static <E extends Enum<E> & ContractEnum<P>, P extends ProtocolMessageEnum> Optional<E> of(Class<E> type, P proto) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toProto() == proto) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
